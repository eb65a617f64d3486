// Flags not given keep what the project has: a project set up with a self-hosted pool (from the
// hub, say) is ready as it stands, and stays on its pool through `setup --all-projects --yes`; only
// --pool changes it.
import { renderPipelineFile, runSetup } from "../../src/setup";
import { useEmulator } from "../emulator/useEmulator";
import { clientsFor, creatingOptions, writes } from "../setup/harness";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

it("keeps a self-hosted pool unless --pool is given", async () => {
  emu.addProject("Custom");
  emu.addQueue("Custom", "Linux agents");
  const options = creatingOptions("Custom", {
    pool: { kind: "self-hosted", queue: "Linux agents" },
  });
  expect((await runSetup(clientsFor(emu), options)).outcome).toBe("complete");
  const file = () => emu.getFile("Custom", "repo-runner-actions", "main", "/stackspot.yml");
  expect(file()).toBe(renderPipelineFile(options));
  const env = emulatorEnv(emu, CREDENTIALS_ENV);

  const plan = await runCli(["plan", "--project", "Custom"], env);
  expect(plan.stderr).toBe("");
  expect(plan.code).toBe(0);
  expect(plan.stdout).toContain("Custom: ready");
  expect(plan.stdout).not.toContain("Update /stackspot.yml");

  emu.clearRequests();
  const setup = await runCli(["setup", "--all-projects", "--yes"], env);
  expect(setup.code).toBe(0);
  expect(writes(emu.requests)).toEqual([]);
  expect(file()).toBe(renderPipelineFile(options));

  const hosted = await runCli(["plan", "--project", "Custom", "--pool", "Azure Pipelines"], env);
  expect(hosted.code).toBe(3);
  expect(hosted.stdout).toContain("Update /stackspot.yml");
});
