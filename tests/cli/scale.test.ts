// Fifty projects through the built CLI, one of them lacking a permission: the others all finish and
// are ready, the denied one is blocked before anything is written in it, the exit code is 1, and
// the summary names the missing permission and the remedy. The denial is the emulator's own, for
// that one project (deny(permission, { project })). A refusal the checks could not foresee (a fault
// answering 403 on the write, as the service does) still fails the step with the permission named.
import { useEmulator } from "../emulator/useEmulator";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

const COUNT = 50;
const names = Array.from({ length: COUNT }, (_, i) => `Proj-${String(i + 1).padStart(2, "0")}`);
const DENIED = "Proj-17";

// The CLI is built before the emulator starts, as the hooks run in the order registered.
beforeAll(ensureBuilt);
const emu = useEmulator();
beforeAll(() => {
  for (const n of names) emu.addProject(n);
});

it("sets up 49 of 50 projects, blocks the one lacking a permission before any change, and explains it in the summary", async () => {
  emu.deny("EditBuildDefinition", { project: DENIED });
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  emu.clearRequests();

  const run = await runCli(["setup", "--all-projects"], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe("");

  // The emulator's own view: every other project is set up; the denied one is untouched, and was
  // sent no write.
  for (const n of names) {
    const defs = emu.listDefinitions(n).filter((d) => d.name === "stackspot");
    expect([n, defs.length]).toEqual([n, n === DENIED ? 0 : 1]);
  }
  expect(emu.listRepositories(DENIED)).toEqual([]);
  expect(emu.listServiceEndpoints(DENIED)).toEqual([]);
  expect(emu.requests.filter((r) => r.write && r.path.includes(`/${DENIED}/`))).toEqual([]);
  // The listing gave every project's id, so each set-up checked permissions with its first reads
  // (the project-wide "Create repository" probe, bit 256, once per project: its answer settles the
  // step, so nothing asks it again before the writes).
  const probes = emu.requests.filter((r) =>
    /\/_apis\/permissions\/2e9eb7ed-3c0a-47d4-87c1-0ffdd275fd87\/256$/.test(r.path),
  );
  expect(probes).toHaveLength(COUNT);

  // Plain lines (stdout is a pipe here): no colours or cursor movement.
  expect(run.stdout).not.toMatch(/\u001b\[/);
  const summary = run.stdout.slice(run.stdout.lastIndexOf("PROJECT"));
  const rows = summary.split("\n").filter((l) => /^Proj-\d\d /.test(l));
  expect(rows).toHaveLength(COUNT);
  expect(rows.filter((r) => /\bready\b/.test(r))).toHaveLength(COUNT - 1);
  for (const r of rows.filter((row) => !row.startsWith(DENIED)))
    expect(r).toContain(`${emu.orgUrl}${r.slice(0, 7)}`);
  const deniedRow = rows.find((r) => r.startsWith(DENIED))!;
  expect(deniedRow).toMatch(/blocked/);
  expect(deniedRow).toContain('the "Edit build pipeline" permission is missing');
  expect(summary).toContain(`49 ready, 1 blocked — ${COUNT} projects in`);
  expect(summary).toContain("Failures (1):");
  expect(summary).toContain(
    `  ${DENIED}: You are not allowed to create the pipeline: the "Edit build pipeline" permission is missing.`,
  );
  expect(summary).toMatch(
    /what to do: Ask a project administrator to grant you "Edit build pipeline" \(Pipelines → .*Manage security\)/,
  );

  // Once the permission is there, the same command completes the rest: exit 0, nothing failed.
  emu.allow("EditBuildDefinition", { project: DENIED });
  const json = await runCli(["setup", "--all-projects", "--json", "--concurrency", "16"], env);
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout);
  expect(report.total).toBe(COUNT);
  expect(report.counts.ready).toBe(COUNT);
  expect(report.projects.map((p: { project: string }) => p.project)).toEqual(names);
}, 240_000);

it("reports a refusal the checks did not foresee in --json with the permission, step and remedy", async () => {
  emu.addProject("Proj-99");
  emu.addFault({
    route: "/Proj-99/_apis/build/definitions",
    method: "POST",
    status: 403,
    times: Infinity,
  });
  const run = await runCli(
    ["setup", "--project", "Proj-99", "--project", "Proj-01", "--json"],
    emulatorEnv(emu, CREDENTIALS_ENV),
  );
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.exitCode).toBe(1);
  expect(report.counts).toMatchObject({ ready: 1, failed: 1 });
  const failed = report.projects[0];
  expect(failed).toMatchObject({ project: "Proj-99", status: "failed" });
  expect(failed.error).toMatchObject({
    kind: "PermissionDeniedError",
    status: 403,
    permission: "Edit build pipeline",
  });
  expect(failed.error.step).toMatch(/^Create the pipeline "stackspot"/);
  expect(failed.error.remedy).toMatch(/grant you "Edit build pipeline"/);
  expect(failed.steps.find((s: { id: string }) => s.id === "create-pipeline").state).toBe("failed");
  emu.clearFaults();
}, 120_000);
