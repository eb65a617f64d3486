// What a person does in the organization view, as browser-test steps; every step waits for what it
// needs to see.
import type { FrameLocator, Page } from "playwright-core";
import { boltId, UI_TIMEOUT } from "../hub/hubActions";

export const CREDENTIALS = {
  clientId: "org-batch-client",
  clientKey: "ORG-SECRET-key-never-shown-41d9",
  realm: "bank-realm",
};

/** The state (or the set-up's activity) each rendered row shows, by project name. */
export async function rowStates(
  view: FrameLocator,
  what: "state" | "activity" = "state",
): Promise<Record<string, string>> {
  const pairs = await view
    .locator(".ss-projects [role=row]:has([data-state])")
    .evaluateAll(
      (rows, w) =>
        rows.map((r) => [
          r.querySelector(".ss-cell-project")?.textContent ?? "",
          w === "state"
            ? (r.querySelector("[data-state]")?.getAttribute("data-state") ?? "")
            : (r.querySelector(".ss-activity")?.textContent ?? ""),
        ]),
      what,
    );
  return Object.fromEntries(pairs);
}

export async function waitForAllRead(view: FrameLocator): Promise<void> {
  await view.getByText(/^Read all \d+ projects$/).waitFor({ timeout: UI_TIMEOUT });
}

/** Filters by name, then selects every shown project that is not ready. */
export async function selectNotReady(view: FrameLocator, name: string): Promise<void> {
  await view.getByLabel("Filter projects by name").fill(name);
  await view.getByText(/^Select all not ready/).click();
}

/** Opens the set-up of the selection: of `count` projects, or of however many are selected. */
export async function openBatch(view: FrameLocator, count?: number): Promise<void> {
  const label =
    count === undefined ? /^Set up selected \([1-9]\d*\)$/ : `Set up selected (${count})`;
  await view.getByText(label, { exact: true }).click();
  await view.locator('.ss-batch[data-phase="options"]').waitFor({ timeout: UI_TIMEOUT });
}

export async function typeBatchCredentials(view: FrameLocator): Promise<void> {
  await view.locator(boltId("ss-batch-clientId")).fill(CREDENTIALS.clientId);
  await view.locator(boltId("ss-batch-clientKey")).pressSequentially(CREDENTIALS.clientKey);
  await view.locator(boltId("ss-batch-realm")).fill(CREDENTIALS.realm);
}

export async function review(view: FrameLocator): Promise<void> {
  await view.getByRole("button", { name: "Review changes" }).click();
  await view.locator('.ss-batch[data-phase="review"]').waitFor({ timeout: UI_TIMEOUT });
}

export async function waitForBatchEnd(view: FrameLocator): Promise<void> {
  await view.locator('.ss-batch[data-phase="done"]').waitFor({ timeout: UI_TIMEOUT });
}

/** Everything the page could have kept: the frame's DOM and storage, and the console. */
export async function everythingKept(page: Page, output: string[]): Promise<string> {
  const frame = page.frames().find((f) => f.url().includes("/organization.html"));
  if (!frame) throw new Error("the organization view's frame is not loaded");
  const dom = await frame.evaluate(() => document.documentElement.outerHTML);
  const values = await frame.evaluate(() =>
    JSON.stringify({
      local: { ...localStorage },
      session: { ...sessionStorage },
      inputs: [...document.querySelectorAll("input")].map((i) => i.value),
    }),
  );
  return [dom, values, ...output].join("\n");
}
