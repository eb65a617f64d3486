// Setting up many projects from the organization view, in Chromium against the emulator: one
// dialog for the selection, decisions opt-in per project, a failure that stays in its project,
// Cancel that leaves nothing half-written, the export, and a client key that leaves no trace.
import * as fs from "node:fs";
import { useHubHarness, type HubSession } from "../hub/harness";
import { UI_TIMEOUT } from "../hub/hubActions";
import { expectContract } from "../setup/harness";
import {
  CREDENTIALS,
  everythingKept,
  openBatch,
  review,
  rowStates,
  selectNotReady,
  typeBatchCredentials,
  waitForAllRead,
  waitForBatchEnd,
} from "./orgActions";

// A batch against the emulator, which checks every call against the specs, on a busy machine.
jest.setTimeout(300_000);

const h = useHubHarness();
let session: HubSession | undefined;

const options = (project: string) => ({
  project,
  credentials: {
    kind: "service-connection" as const,
    name: "stackspot",
    create: CREDENTIALS,
  },
});

function addProjects(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const name = `${prefix}-${String(i + 1).padStart(2, "0")}`;
    h.emulator.addProject(name);
    return name;
  });
}

/** A project set up earlier whose /stackspot.yml someone then edited. */
async function editedProject(name: string): Promise<string> {
  h.emulator.addProject(name);
  h.emulator.addRepository(name, "repo-runner-actions", {
    files: { "/stackspot.yml": "steps:\n  - script: echo ours\n" },
  });
  return "steps:\n  - script: echo ours\n";
}

test("sets up 10 projects: a denied permission and a declined decision stay in their projects", async () => {
  const projects = addProjects("Batch", 8);
  const edited = "Batch-09";
  const ownFile = await editedProject(edited);
  projects.push(edited);
  const denied = "Batch-10";
  h.emulator.addProject(denied);
  h.emulator.deny("CreateRepository", { project: denied });
  projects.push(denied);

  session = await h.openOrganization();
  const { hub: view, page, output } = session;
  await waitForAllRead(view);
  await selectNotReady(view, "Batch-");
  await openBatch(view, 10);
  await typeBatchCredentials(view);
  await review(view);
  const counts = await view.locator(".ss-counts li[data-kind]").allTextContents();
  expect(counts).toEqual(
    expect.arrayContaining([
      "Create the repository: 8 projects",
      "Create the StackSpot service connection: 9 projects",
    ]),
  );
  // The edited file is asked of its project alone, and is left unticked.
  const decision = view.getByRole("checkbox", { name: new RegExp(`^${edited}: `) });
  expect(await decision.getAttribute("aria-checked")).toBe("false");
  await expect(view.locator("section[aria-label='Not changed']").textContent()).resolves.toContain(
    denied,
  );

  await view.getByRole("button", { name: "Set up 10 projects" }).click();
  await waitForBatchEnd(view);
  const summary = await view.locator(".ss-batch-summary").textContent();
  expect(summary).toContain("8 ready");
  expect(summary).toContain("1 failed or blocked");

  for (const p of projects.slice(0, 8)) expectContract(h.emulator, p, options(p));
  expect(h.emulator.getFile(edited, "repo-runner-actions", "main", "/stackspot.yml")).toBe(ownFile);
  expect(h.emulator.listRepositories(denied)).toEqual([]);
  const states = await rowStates(view);
  expect(states[edited]).toBe("needs-decision");
  expect(states[denied]).toBe("blocked");

  await view.getByRole("button", { name: "Done", exact: true }).click();
  await view.locator(".ss-batch").waitFor({ state: "detached", timeout: UI_TIMEOUT });
  expect(await everythingKept(page, output)).not.toContain(CREDENTIALS.clientKey);
});

test("exports the result as the CLI's JSON document and as CSV", async () => {
  const projects = addProjects("Export", 3);
  session = await h.openOrganization();
  const { hub: view, page } = session;
  await waitForAllRead(view);
  await selectNotReady(view, "Export-");
  await openBatch(view, 3);
  await typeBatchCredentials(view);
  await review(view);
  await view.getByRole("button", { name: "Set up 3 projects" }).click();
  await waitForBatchEnd(view);

  const [json] = await Promise.all([
    page.waitForEvent("download"),
    view.getByRole("button", { name: "Export JSON" }).click(),
  ]);
  const doc = JSON.parse(fs.readFileSync(await json.path(), "utf8"));
  expect(doc).toMatchObject({ command: "setup", exitCode: 0, total: 3 });
  expect(doc.counts.ready).toBe(3);
  expect(doc.projects.map((p: { project: string }) => p.project)).toEqual(projects);
  for (const p of doc.projects) {
    expect(p.status).toBe("ready");
    expect(p.workflowUrl).toMatch(/^https:\/\//);
    expect(p.steps.every((s: { state: string }) => s.state === "done")).toBe(true);
  }

  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    view.getByRole("button", { name: "Export CSV" }).click(),
  ]);
  const lines = fs
    .readFileSync(await csv.path(), "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe(
    "project,status,workflow_url,pull_request,changes_done,changes_not_done,error,remedy,duration_ms",
  );
  expect(lines.slice(1).map((l) => l.split(",").slice(0, 2))).toEqual(
    projects.map((p) => [p, "ready"]),
  );
  expect(fs.readFileSync(await json.path(), "utf8")).not.toContain(CREDENTIALS.clientKey);
  expect(lines.join("\n")).not.toContain(CREDENTIALS.clientKey);
});

test("cancel: no new project starts, running steps finish, a second run completes", async () => {
  const projects = addProjects("Cancel", 10);
  // Slow writes in these projects, so that Cancel lands mid-batch.
  h.emulator.addFault({
    method: "POST",
    route: /\/Cancel-\d+\//i,
    latencyMs: 400,
    times: Infinity,
  });
  session = await h.openOrganization();
  const { hub: view } = session;
  await waitForAllRead(view);
  await selectNotReady(view, "Cancel-");
  await openBatch(view, 10);
  await typeBatchCredentials(view);
  await review(view);
  h.emulator.clearRequests();
  await view.getByRole("button", { name: "Set up 10 projects" }).click();
  await view.locator(".ss-activity", { hasText: "Done" }).first().waitFor({ timeout: UI_TIMEOUT });
  await view.getByRole("button", { name: "Cancel", exact: true }).click();
  await waitForBatchEnd(view);

  const notStarted = (await rowStates(view, "activity")) as Record<string, string>;
  const skipped = projects.filter((p) => notStarted[p] === "Not started (cancelled)");
  expect(skipped.length).toBeGreaterThan(0);
  expect(skipped.length).toBeLessThan(projects.length);
  // Every write that started got its answer (nothing cut off mid-way) ...
  const writes = h.emulator.requests.filter((r) => r.write);
  expect(writes.length).toBeGreaterThan(0);
  expect(writes.every((r) => r.status !== undefined && r.status < 500)).toBe(true);
  // ... and the projects not started were not touched.
  for (const p of skipped) expect(h.emulator.listRepositories(p)).toEqual([]);

  // A second batch finishes the job.
  h.emulator.clearFaults();
  await view.getByRole("button", { name: "Done", exact: true }).click();
  await selectNotReady(view, "Cancel-");
  await openBatch(view);
  await typeBatchCredentials(view);
  await review(view);
  await view.getByRole("button", { name: /^Set up \d+ projects?$/ }).click();
  await waitForBatchEnd(view);
  for (const p of projects) expectContract(h.emulator, p, options(p));
});
