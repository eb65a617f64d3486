// The decision flow: the action says "Apply changes" when the plan holds a choice of the user's
// ("Repair" is for drift), pending decisions show inline in the checklist with their choice, and
// moving the pipeline this product set up to another repository is worded as a move that says what
// becomes of the old repository's file, not as taking over someone else's pipeline.
import { runSetup } from "../../src/setup";
import { clientsFor, creatingOptions } from "../setup/harness";
import { useHubHarness, type HubSession } from "./harness";
import {
  boltId,
  checklistItem,
  pick,
  pressApply,
  UI_TIMEOUT,
  waitForApplyLabel,
  waitForChecklist,
  waitForSetupEnd,
} from "./hubActions";

jest.setTimeout(300_000);

const h = useHubHarness();
let session: HubSession | undefined;

test("moving the pipeline this product set up is chosen inline, worded as a move, and applied with Apply changes", async () => {
  const project = h.newProject("Move");
  h.emulator.addQueue(project, "Linux agents");
  expect((await runSetup(clientsFor(h.emulator), creatingOptions(project))).outcome).toBe(
    "complete",
  );
  const oldFile = h.emulator.getFile(project, "repo-runner-actions", "main", "/stackspot.yml");
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await waitForApplyLabel(hub, "Up to date");

  // Another pool is the user's choice, not a repair.
  await pick(hub, "ss-pool", "Linux agents");
  await waitForApplyLabel(hub, "Apply changes");
  await pick(hub, "ss-pool", "Azure Pipelines");
  await waitForApplyLabel(hub, "Up to date");

  // Another repository: the checklist asks, in the pipeline's item, whether to move the pipeline.
  await pick(hub, "ss-repository", "New repository…");
  await hub.locator(boltId("ss-new-repository")).fill("runner-two");
  const decision = checklistItem(hub, "pipeline").locator(".ss-decision");
  await decision.waitFor({ timeout: UI_TIMEOUT });
  const text = await decision.innerText();
  expect(text).toMatch(
    /was set up by this extension and runs \/stackspot\.yml of "repo-runner-actions"\. Point it at \/stackspot\.yml of "runner-two"\?/,
  );
  expect(text).toMatch(/\/stackspot\.yml of "repo-runner-actions" stays in its repository/);
  expect(text).not.toMatch(/whoever relies/i);
  const keep = decision.getByRole("radio", { name: 'Keep it on "repo-runner-actions"' });
  expect(await keep.getAttribute("aria-checked")).toBe("true");

  // Chosen: the plan is read with it, and the action applies the user's choice.
  await decision.getByRole("radio", { name: "Move the pipeline" }).click();
  await checklistItem(hub, "pipeline")
    .locator('.ss-decision [role=radio][aria-checked="true"]', { hasText: "Move the pipeline" })
    .waitFor({ timeout: UI_TIMEOUT });
  await pressApply(hub, "Apply changes");
  const dialog = hub.locator(".ss-dialog");
  await dialog.getByText("Move the stackspot pipeline to another repository?").waitFor();
  const body = await hub.locator(".ss-dialog-body").innerText();
  expect(body).toMatch(/stays in its repository as it is \(it is not deleted\)/);
  expect(body).not.toMatch(/whoever relies/i);
  await hub.locator(boltId("ss-decision-yes")).click();
  expect(await waitForSetupEnd(hub)).toBe("complete");

  // One pipeline, now on the new repository; the old repository's file is left as it was.
  const stackspot = h.emulator.listDefinitions(project).filter((d) => d.name === "stackspot");
  expect(stackspot).toHaveLength(1);
  const runnerTwo = h.emulator.listRepositories(project).find((r) => r.name === "runner-two");
  expect(stackspot[0].repositoryId).toBe(runnerTwo?.id);
  expect(h.emulator.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(
    oldFile,
  );
});
