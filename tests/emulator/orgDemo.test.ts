// The organization the organization view is shown and tested against: every project shows the
// state its seeding meant, as the engine reads it (the same read the CLI's `status` makes), and
// the project the user may not see is not listed.
import { listAllProjectRefs } from "../../src/cli/projects";
import { reportFromError, reportFromPlan } from "../../src/setup";
import { planSetup, readProjectState } from "../../src/setup";
import { clientsFor, CREDENTIALS } from "../setup/harness";
import { seedOrgDemo, type OrgDemo } from "./orgDemo";
import { useEmulator } from "./useEmulator";

const emu = useEmulator();
let demo: OrgDemo;

beforeAll(async () => {
  demo = await seedOrgDemo(emu.current);
}, 60_000);

test("the organization has about 30 visible projects, in every state the view shows", async () => {
  const listed = (await listAllProjectRefs(clientsFor(emu))).map((p) => p.name);
  expect(listed.sort()).toEqual(demo.projects.map((p) => p.name).sort());
  expect(listed).not.toContain(demo.hidden);
  expect(demo.projects.length).toBeGreaterThanOrEqual(28);
  const states = new Set(demo.projects.map((p) => p.expected));
  expect([...states].sort()).toEqual(
    [
      "blocked",
      "changes-pending",
      "failed",
      "needs-decision",
      "ready",
      "waiting-for-pull-request",
    ].sort(),
  );
});

test("each project reads as the state its seeding meant", async () => {
  const clients = clientsFor(emu);
  const ids = new Map((await listAllProjectRefs(clients)).map((p) => [p.name, p.id]));
  const seen: Record<string, string> = {};
  for (const { name } of demo.projects) {
    // As `stackspot-ado status --all-projects` reads them with STK_* set.
    const options = { project: name, projectId: ids.get(name), stackSpotCredentials: CREDENTIALS };
    try {
      const plan = planSetup(await readProjectState(clients, options), options);
      seen[name] = reportFromPlan(plan, clients.orgUrl, 0).status;
    } catch (e) {
      seen[name] = reportFromError(name, e, 0).status;
    }
  }
  expect(seen).toEqual(Object.fromEntries(demo.projects.map((p) => [p.name, p.expected])));
}, 60_000);
