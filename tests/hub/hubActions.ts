// What a person does in the hub, as browser-test steps. Every step waits for what it needs to see
// (never a sleep), so the tests hold on a busy 2-core machine.
import type { FrameLocator, Locator } from "playwright-core";

/**
 * The bound of one wait, for a hang: long enough for a set-up against the emulator (which checks
 * every call against the specs) on 2 cores that other test runs keep busy (45 s was overrun there).
 */
export const UI_TIMEOUT = 90_000;

/** An element given `id` through an azure-devops-ui prop (which renders it as "__bolt-" + id). */
export const boltId = (id: string): string => `#__bolt-${id.replace(/[^0-9A-Za-z_]/g, "-")}`;

export const checklistItem = (hub: FrameLocator, key: string): Locator =>
  hub.locator(`.ss-check-row[data-item="${key}"]`);

/** Waits for the checklist with real states (not the skeleton). */
export async function waitForChecklist(hub: FrameLocator): Promise<void> {
  await checklistItem(hub, "repository").waitFor({ timeout: UI_TIMEOUT });
}

/** Waits until no read of the project is in flight and the apply button says `label`. */
export async function waitForApplyLabel(hub: FrameLocator, label: string): Promise<void> {
  await hub.locator(boltId("ss-apply"), { hasText: label }).waitFor({ timeout: UI_TIMEOUT });
}

/** The states of the six checklist items, by key. */
export async function checklistStates(hub: FrameLocator): Promise<Record<string, string>> {
  const rows = hub.locator(".ss-check-row[data-item]");
  const out: Record<string, string> = {};
  for (const row of await rows.all()) {
    out[(await row.getAttribute("data-item")) ?? "?"] =
      (await row.getAttribute("data-state")) ?? "?";
  }
  return out;
}

/**
 * Opens an azure-devops-ui Dropdown by its input id and picks the option with exactly this text.
 */
export async function pick(hub: FrameLocator, inputId: string, optionText: string): Promise<void> {
  await hub.locator(boltId(inputId)).click();
  const option = hub.locator(".bolt-dropdown [role=option]", { hasText: optionText }).first();
  await option.waitFor({ timeout: UI_TIMEOUT });
  await option.click();
}

/** Types the StackSpot credentials into the Options form, as a person would (keyboard). */
export async function typeCredentials(
  hub: FrameLocator,
  c: { clientId: string; clientKey: string; realm: string },
): Promise<void> {
  await hub.locator(boltId("ss-client-id")).fill(c.clientId);
  await hub.locator(boltId("ss-client-key")).pressSequentially(c.clientKey);
  await hub.locator(boltId("ss-realm")).fill(c.realm);
}

/**
 * Presses the header's action ("Set up" / "Repair" / "Apply changes") once it can be pressed and
 * nothing can disable it again before the click lands: typing schedules a re-read of the project
 * 300 ms after the last key, and the button is disabled while it runs, which drops a click (the
 * hub ignores a click on a disabled button; Playwright had already found it enabled).
 */
export async function pressApply(
  hub: FrameLocator,
  label: "Set up" | "Repair" | "Apply changes",
): Promise<void> {
  await waitForIdle(hub);
  const button = hub.locator(`${boltId("ss-apply")}:not([aria-disabled=true]):not([disabled])`, {
    hasText: label,
  });
  await button.waitFor({ timeout: UI_TIMEOUT });
  await button.click();
}

/**
 * Waits until the hub has finished what the user did last: no re-read of the project waiting for
 * typing to pause or in flight, no set-up or its aftermath (options settled on what it created).
 */
export async function waitForIdle(hub: FrameLocator): Promise<void> {
  await hub.locator('.ss-content[data-busy="false"]').waitFor({ timeout: UI_TIMEOUT });
}

/**
 * Waits for the end of a set-up, for the project's state read after it and for the options settled
 * on what it created; returns the outcome.
 */
export async function waitForSetupEnd(hub: FrameLocator): Promise<string> {
  const plan = hub.locator('.ss-plan[data-applying="false"]:not([data-outcome=""])');
  await plan.waitFor({ timeout: UI_TIMEOUT });
  await hub.locator('.ss-status[data-planning="false"]').waitFor({ timeout: UI_TIMEOUT });
  await waitForIdle(hub);
  return (await plan.getAttribute("data-outcome")) ?? "";
}
