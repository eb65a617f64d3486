// The Runs list while a run is in progress: its Duration counts the time it has been going, and the
// list is read again until no run is in progress, without anyone pressing Refresh. The page's
// clock is Playwright's, moved on by the test instead of waited for.
import { runSetup } from "../../src/setup";
import { clientsFor, creatingOptions } from "../setup/harness";
import { useHubHarness, type HubSession } from "./harness";
import { waitFor } from "../support/wait-for";
import { UI_TIMEOUT } from "./hubActions";

jest.setTimeout(300_000);

/** The hub's interval between two listings while a run is in progress (RUNS_POLL_MS). */
const POLL_MS = 10_000;

const h = useHubHarness();
let session: HubSession | undefined;

async function setUpProject(prefix: string): Promise<{ project: string; pipelineId: number }> {
  const project = h.newProject(prefix);
  const result = await runSetup(clientsFor(h.emulator), creatingOptions(project));
  expect(result.outcome).toBe("complete");
  const [def] = h.emulator.listDefinitions(project).filter((d) => d.name === "stackspot");
  return { project, pipelineId: def.id };
}

/** The requests that listed the runs of this project's pipeline. */
const runListings = (project: string, pipelineId: number) =>
  h.emulator.requests.filter(
    (r) => r.method === "GET" && r.path.endsWith(`/${project}/_apis/pipelines/${pipelineId}/runs`),
  ).length;

test("a run in progress shows how long it has been going, and the list refreshes itself until it ends", async () => {
  const { project, pipelineId } = await setUpProject("Live");
  const run = h.emulator.addRun(project, pipelineId, {
    state: "inProgress",
    templateParameters: { workflow_execution_id: "01HZX-live", workflow_inputs: "" },
    createdDate: new Date(Date.now() - 5 * 60_000).toISOString(),
  });
  session = await h.open(project, { clock: true });
  const { hub, page } = session;
  const row = hub.locator(".ss-runs [role=row]", { hasText: "01HZX-live" });
  await row.waitFor({ timeout: UI_TIMEOUT });
  // The Duration column counts (minutes and seconds), it does not repeat the state.
  const elapsed = row.locator(".ss-elapsed");
  expect(await elapsed.innerText()).toMatch(/^5m \d+s$/);
  await page.clock.runFor(60_000);
  await row.locator(".ss-elapsed", { hasText: /^6m \d+s$/ }).waitFor({ timeout: UI_TIMEOUT });

  // The run ends in Azure DevOps; the list shows it on its next listing, nobody presses Refresh.
  h.emulator.updateRun(project, pipelineId, run.id, {
    state: "completed",
    result: "succeeded",
    finishedDate: new Date().toISOString(),
  });
  await page.clock.runFor(POLL_MS);
  await row.filter({ hasText: "Succeeded" }).waitFor({ timeout: UI_TIMEOUT });
  expect(await row.locator(".ss-elapsed").count()).toBe(0);

  // Nothing is in progress any more: no further listing, however long the page stays open. A
  // press of Refresh afterwards makes exactly one (a listing the clock had started would come
  // before it).
  const listings = runListings(project, pipelineId);
  await page.clock.runFor(5 * POLL_MS);
  await hub.getByRole("menuitem", { name: "Refresh" }).click();
  await waitFor(() => runListings(project, pipelineId) > listings);
  expect(runListings(project, pipelineId)).toBe(listings + 1);
});
