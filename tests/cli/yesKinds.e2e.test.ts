// --yes names the decisions it accepts, and says what it accepted before any project runs: with
// --yes=replace-file an edited /stackspot.yml is replaced and a foreign pipeline named stackspot is
// left alone, in every project; a bare --yes still accepts both.
import { useEmulator } from "../emulator/useEmulator";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, expectNoSecrets, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

const HAND_WRITTEN = "trigger: none\n# written by hand from the manual\n";

/** A project asking both decisions: an edited file, and a stackspot pipeline on another file. */
function seedBothDecisions(project: string): void {
  emu.addProject(project);
  emu.addRepository(project, "repo-runner-actions", {
    files: { "/stackspot.yml": HAND_WRITTEN, "/other.yml": "steps: []\n" },
  });
  emu.addDefinition(project, {
    name: "stackspot",
    repository: "repo-runner-actions",
    yamlFilename: "/other.yml",
  });
}

const file = (project: string) =>
  emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml");
const pipelineFile = (project: string) =>
  emu.listDefinitions(project).find((d) => d.name === "stackspot")?.yamlFilename;

it("--yes=replace-file replaces the edited file, leaves the foreign pipeline, and says so", async () => {
  seedBothDecisions("Named");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  const run = await runCli(["setup", "--project", "Named", "--yes=replace-file"], env);
  expectNoSecrets(run, env);
  expect(run.stdout).toContain(
    "Accepting without asking (--yes): replace an edited /stackspot.yml (replace-file).",
  );
  expect(run.stdout).not.toContain("(take-over)");
  expect(run.code).toBe(3); // the take-over still waits for a decision
  expect(file("Named")).not.toBe(HAND_WRITTEN);
  expect(pipelineFile("Named")).toBe("/other.yml");

  const json = await runCli(["setup", "--project", "Named", "--yes=take-over", "--json"], env);
  expect(json.code).toBe(0);
  expect(json.stderr).toContain(
    "Accepting without asking (--yes): take over a pipeline named stackspot that runs another " +
      "file (take-over).",
  );
  expect(JSON.parse(json.stdout).projects[0].status).toBe("ready");
  expect(pipelineFile("Named")).toBe("/stackspot.yml");
});

it("a bare --yes accepts every kind, and names them", async () => {
  seedBothDecisions("Bare");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  const run = await runCli(["setup", "--project", "Bare", "--yes"], env);
  expect(run.code).toBe(0);
  expect(run.stdout).toContain("(replace-file); take over a pipeline");
  expect(pipelineFile("Bare")).toBe("/stackspot.yml");
});

it("an unknown kind is a usage error that lists the kinds, before any request", async () => {
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  emu.clearRequests();
  const run = await runCli(["setup", "--all-projects", "--yes=everything"], env);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain('--yes does not know the decision "everything"');
  expect(run.stderr).toContain("replace-file, take-over");
  expect(emu.requests).toEqual([]);
});
