// While the options hold a value Azure DevOps would refuse, the last plan is about other options:
// Status and Plan wait for valid ones instead of showing it (no "will be created" for the name
// typed before, no "Up to date" beside a field's error), and the header's action is disabled with
// that reason.
import { runSetup } from "../../src/setup";
import { clientsFor, creatingOptions } from "../setup/harness";
import { useHubHarness, type HubSession } from "./harness";
import {
  boltId,
  checklistItem,
  pick,
  UI_TIMEOUT,
  waitForApplyLabel,
  waitForChecklist,
  waitForIdle,
} from "./hubActions";

jest.setTimeout(300_000);

const h = useHubHarness();
let session: HubSession | undefined;

test("an invalid repository name makes Status and Plan wait for valid options, and disables the action with that reason", async () => {
  const project = h.newProject("Invalid");
  expect((await runSetup(clientsFor(h.emulator), creatingOptions(project))).outcome).toBe(
    "complete",
  );
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await waitForApplyLabel(hub, "Up to date");
  const status = hub.locator(".ss-section", { has: hub.locator(".ss-status") });
  const plan = hub.locator(".ss-section", { has: hub.locator(".ss-plan") });
  const apply = hub.locator(boltId("ss-apply"));
  /** The text the action points at for why it is disabled (its aria-describedby). */
  const reason = async () => {
    const id = await apply.getAttribute("aria-describedby");
    return id ? hub.locator(`[id="${id}"]`).innerText() : "";
  };

  // A valid new name: the checklist says what it will create.
  await pick(hub, "ss-repository", "New repository…");
  const name = hub.locator(boltId("ss-new-repository"));
  await name.fill("fresh-repo");
  await checklistItem(hub, "repository")
    .filter({ hasText: '"fresh-repo" will be created' })
    .waitFor({ timeout: UI_TIMEOUT });
  await waitForIdle(hub);

  // ".hidden": nothing about "fresh-repo" stays on show, both sections wait, the action says why.
  await name.fill(".hidden");
  await hub.locator('.ss-check-row[data-item="repository"][data-state="waiting"]').waitFor();
  await waitForIdle(hub);
  expect(await status.innerText()).not.toContain("fresh-repo");
  expect(await status.innerText()).toMatch(/Waiting for valid options\. The name cannot start/);
  expect(await plan.innerText()).not.toMatch(/will be committed|fresh-repo/);
  expect(await plan.innerText()).toMatch(/Waiting for valid options: The name cannot start/);
  expect(await apply.isDisabled()).toBe(true);
  expect(await reason()).toMatch(/^Waiting for valid options: The name cannot start/);

  // 300 characters: a field error, and no "Up to date" nor "Nothing to do" beside it.
  await name.fill("x".repeat(300));
  await plan.getByText(/Waiting for valid options: The name can have at most 64/).waitFor();
  await waitForIdle(hub);
  expect(await hub.locator(".ss-options").innerText()).toMatch(/at most 64 characters/);
  expect(await hub.locator("body").innerText()).not.toMatch(/Up to date|Nothing to do/);
  expect(await apply.isDisabled()).toBe(true);
  expect(await reason()).toMatch(/^Waiting for valid options: The name can have at most 64/);

  // Valid again: the project is read for the new name, and the set-up may start.
  await name.fill("fresh-repo-2");
  await checklistItem(hub, "repository")
    .filter({ hasText: '"fresh-repo-2" will be created' })
    .waitFor({ timeout: UI_TIMEOUT });
  await hub
    .locator(`${boltId("ss-apply")}:not([aria-disabled=true]):not([disabled])`)
    .waitFor({ timeout: UI_TIMEOUT });
  expect(await status.innerText()).not.toMatch(/Waiting for valid options/);
});
