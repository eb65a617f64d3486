// Every change `plan` lists says what it changes from and to, and a file it would rewrite comes
// with its diff: moving a set-up project to a self-hosted pool shows "Agent pool: Microsoft-hosted
// ubuntu-latest → self-hosted pool …" and the changed pool lines; replacing a hand-written file
// shows the lines that go.
import { runSetup } from "../../src/setup";
import { useEmulator } from "../emulator/useEmulator";
import { clientsFor, creatingOptions } from "../setup/harness";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

it("plan shows the pool from → to and the file's diff", async () => {
  emu.addProject("Moving");
  emu.addQueue("Moving", "Linux agents");
  expect((await runSetup(clientsFor(emu), creatingOptions("Moving"))).outcome).toBe("complete");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);

  const run = await runCli(["plan", "--project", "Moving", "--pool", "Linux agents"], env);
  expect(run.code).toBe(3);
  const out = run.stdout;
  expect(out).toContain(
    'Agent pool: Microsoft-hosted ubuntu-latest → self-hosted pool "Linux agents"',
  );
  expect(out).toContain(
    "/stackspot.yml: as it is (the managed file, other settings) → as generated",
  );
  expect(out).toMatch(/^ +- +vmImage: 'ubuntu-latest'$/m);
  expect(out).toMatch(/^ +\+ +name: 'Linux agents'$/m);
  expect(out).toContain('The pipeline on the agent queue "Linux agents": waits for an approval');
  // Only the lines near a change, not the whole file.
  expect(out).not.toContain("workflow_inputs");

  const json = JSON.parse(
    (await runCli(["plan", "--project", "Moving", "--pool", "Linux agents", "--json"], env)).stdout,
  );
  const write = json.projects[0].steps.find((s: any) => s.id === "write-file");
  expect(write.changes[0]).toEqual({
    what: "Agent pool",
    from: "Microsoft-hosted ubuntu-latest",
    to: 'self-hosted pool "Linux agents"',
  });
  expect(write.fileDiff).toContainEqual({
    kind: "added",
    text: expect.stringMatching(/^ +name: 'Linux agents'$/),
  });
});

it("replacing a hand-written file shows it as it is → as generated, and the lines that go", async () => {
  emu.addProject("Manual");
  const handWritten = "trigger: none\n# written by hand from the manual\n";
  emu.addRepository("Manual", "repo-runner-actions", { files: { "/stackspot.yml": handWritten } });
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  const run = await runCli(["plan", "--project", "Manual", "--yes=replace-file"], env);
  expect(run.stdout).toContain("/stackspot.yml: as it is (not the managed file) → as generated");
  expect(run.stdout).toMatch(/^ +- # written by hand from the manual$/m);
});
