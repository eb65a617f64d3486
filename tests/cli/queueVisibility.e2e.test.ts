// A user without View on agent queues gets an empty queue list: the queue exists, the list does
// not show it. `status` says so instead of telling them to add a queue that is there.
import { useEmulator } from "../emulator/useEmulator";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

it("an invisible queue is 'missing, or not visible to you', not absent", async () => {
  emu.addProject("Hidden"); // has the hosted queue "Azure Pipelines"
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  emu.deny("ViewQueues", { project: "Hidden" });
  try {
    const run = await runCli(["status", "--project", "Hidden"], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'The "Azure Pipelines" queue for Microsoft-hosted agents is missing, or not visible to you ' +
        "(View permission on agent queues).",
    );
    expect(run.stdout).not.toMatch(/has no "Azure Pipelines" queue/);
  } finally {
    emu.allow("ViewQueues", { project: "Hidden" });
  }
});
