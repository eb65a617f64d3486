// Fifty projects through the built CLI, one of them refused a permission: the others all finish and
// are ready, the exit code is 1, and the summary names the failure, the missing permission and the
// remedy. The emulator's permission model is organization-wide (deny(permission)), so the refusal for
// one project is a fault rule on that project's route, answering 403 as the service does.
import { startEmulator } from "../emulator";
import type { Emulator } from "../emulator/types";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

const COUNT = 50;
const names = Array.from({ length: COUNT }, (_, i) => `Proj-${String(i + 1).padStart(2, "0")}`);
const DENIED = "Proj-17";

let emu: Emulator;
beforeAll(async () => {
  ensureBuilt();
  emu = await startEmulator({});
  for (const n of names) emu.addProject(n);
});
afterAll(async () => { await emu.stop(); });

it("sets up 49 of 50 projects, fails the one refused a permission, and explains it in the summary", async () => {
  emu.addFault({ route: `/${DENIED}/_apis/build/definitions`, method: "POST", status: 403, times: Infinity });
  const env = emulatorEnv(emu, CREDENTIALS_ENV);

  const run = await runCli(["setup", "--all-projects"], env);
  expect(run.code).toBe(1);
  expect(run.stderr).toBe("");

  // The emulator's own view: every other project has the pipeline, the denied one has none.
  for (const n of names) {
    const defs = emu.listDefinitions(n).filter((d) => d.name === "stackspot");
    expect([n, defs.length]).toEqual([n, n === DENIED ? 0 : 1]);
  }

  // Plain lines (stdout is a pipe here): no colours or cursor movement.
  expect(run.stdout).not.toMatch(/\u001b\[/);
  const summary = run.stdout.slice(run.stdout.lastIndexOf("PROJECT"));
  const rows = summary.split("\n").filter((l) => /^Proj-\d\d /.test(l));
  expect(rows).toHaveLength(COUNT);
  expect(rows.filter((r) => /\bready\b/.test(r))).toHaveLength(COUNT - 1);
  for (const r of rows.filter((row) => !row.startsWith(DENIED))) expect(r).toContain(`${emu.orgUrl}${r.slice(0, 7)}`);
  const deniedRow = rows.find((r) => r.startsWith(DENIED))!;
  expect(deniedRow).toMatch(/FAILED/);
  expect(deniedRow).toContain('the "Edit build pipeline" permission is missing');
  expect(summary).toContain(`49 ready, 1 failed — ${COUNT} projects in`);
  expect(summary).toContain("Failures (1):");
  expect(summary).toContain(`  ${DENIED}: You are not allowed to create the pipeline: the "Edit build pipeline" permission is missing.`);
  expect(summary).toMatch(/what to do: Ask a project administrator to grant you "Edit build pipeline" \(Pipelines → .*Manage security\)/);

  // Once the permission is there, the same command completes the rest: exit 0, nothing failed.
  emu.clearFaults();
  const json = await runCli(["setup", "--all-projects", "--json", "--concurrency", "16"], env);
  expect(json.code).toBe(0);
  const report = JSON.parse(json.stdout);
  expect(report.total).toBe(COUNT);
  expect(report.counts.ready).toBe(COUNT);
  expect(report.projects.map((p: { project: string }) => p.project)).toEqual(names);
}, 240_000);

it("reports the denied project's failure in --json with the permission, step and remedy", async () => {
  emu.addProject("Proj-99");
  emu.addFault({ route: "/Proj-99/_apis/build/definitions", method: "POST", status: 403, times: Infinity });
  const run = await runCli(["setup", "--project", "Proj-99", "--project", "Proj-01", "--json"], emulatorEnv(emu, CREDENTIALS_ENV));
  expect(run.code).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.exitCode).toBe(1);
  expect(report.counts).toMatchObject({ ready: 1, failed: 1 });
  const failed = report.projects[0];
  expect(failed).toMatchObject({ project: "Proj-99", status: "failed" });
  expect(failed.error).toMatchObject({ kind: "PermissionDeniedError", status: 403, permission: "Edit build pipeline" });
  expect(failed.error.step).toMatch(/^Create the pipeline "stackspot"/);
  expect(failed.error.remedy).toMatch(/grant you "Edit build pipeline"/);
  expect(failed.steps.find((s: { id: string }) => s.id === "create-pipeline").state).toBe("failed");
  emu.clearFaults();
}, 120_000);
