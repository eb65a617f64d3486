// Each drift from the contract is found by the plan and repaired by the set-up; what belongs to the
// user (an edited file, a foreign pipeline, variable values) is left alone unless the user says so.
import {
  planSetup,
  readProjectState,
  renderPipelineBody,
  renderPipelineFile,
  runSetup,
  sealPipelineFile,
  SetupOptions,
} from "../../src/setup";
import type { Emulator } from "../emulator/types";
import {
  clientsFor,
  creatingOptions,
  CREDENTIALS,
  expectContract,
  useEmulator,
  writes,
} from "./harness";

const emu: Emulator = useEmulator();
let n = 0;

/** A fresh project set up to the contract, with the options used. */
async function setUpProject(
  extra: Partial<SetupOptions> = {},
): Promise<{ project: string; options: SetupOptions }> {
  const project = `Drift${++n}`;
  emu.addProject(project);
  const options = creatingOptions(project, extra);
  const result = await runSetup(clientsFor(emu), options);
  expect(result.outcome).toBe("complete");
  return { project, options };
}

function definition(project: string) {
  const defs = emu.listDefinitions(project);
  expect(defs).toHaveLength(1);
  return defs[0];
}

async function plan(options: SetupOptions) {
  return planSetup(await readProjectState(clientsFor(emu), options), options);
}

async function repairsTo(
  project: string,
  options: SetupOptions,
  expectedKinds: string[],
): Promise<void> {
  const p = await plan(options);
  expect(p.steps.map((s) => s.kind).sort()).toEqual([...expectedKinds].sort());
  const result = await runSetup(clientsFor(emu), options);
  expect(result.failure).toBeUndefined();
  expect(result.outcome).toBe("complete");
  expectContract(emu, project, options);
  expect((await plan(options)).upToDate).toBe(true);
}

describe("drift is found and repaired", () => {
  it.each([
    [
      "missing",
      (v: Record<string, unknown>) => {
        delete v.secret_git;
      },
    ],
    [
      "not secret",
      (v: Record<string, any>) => {
        v.secret_git = { value: "", isSecret: false, allowOverride: true };
      },
    ],
    [
      "not settable at queue time",
      (v: Record<string, any>) => {
        v.secret_cli_login = { value: "", isSecret: true, allowOverride: false };
      },
    ],
  ])("a queue-time variable %s", async (_what, damage) => {
    const project = `Var${++n}`;
    emu.addProject(project);
    emu.addRepository(project, "repo-runner-actions", {
      files: { "/stackspot.yml": renderPipelineFile({}) },
    });
    const variables: Record<string, any> = {
      secret_cli_login: { value: "", isSecret: true, allowOverride: true },
      secret_git: { value: "", isSecret: true, allowOverride: true },
      OTHER: { value: "kept", isSecret: false, allowOverride: false },
    };
    damage(variables);
    const seeded = emu.addDefinition(project, {
      name: "stackspot",
      repository: "repo-runner-actions",
      yamlFilename: "/stackspot.yml",
      variables,
    });
    const options: SetupOptions = {
      project,
      credentials: { kind: "service-connection", name: "stackspot", create: CREDENTIALS },
    };
    await repairsTo(project, options, [
      "update-pipeline",
      "create-service-connection",
      "authorize-service-connection",
    ]);
    const def = definition(project);
    expect(def.id).toBe(seeded.id);
    expect(def.variables.OTHER.value).toBe("kept");
    expect(def.variables.OTHER.isSecret ?? false).toBe(false);
    expect(def.variables.OTHER.allowOverride ?? false).toBe(false);
  });

  it(
    "keeps a value someone set, while making the " + "variable secret and settable at queue time",
    async () => {
      const project = `Keep${++n}`;
      emu.addProject(project);
      emu.addRepository(project, "repo-runner-actions", {
        files: { "/stackspot.yml": renderPipelineFile({}) },
      });
      emu.addDefinition(project, {
        name: "stackspot",
        repository: "repo-runner-actions",
        yamlFilename: "/stackspot.yml",
        variables: {
          secret_cli_login: { value: "someone-set-this", isSecret: false, allowOverride: false },
          secret_git: { value: "hidden", isSecret: true, allowOverride: true },
        },
      });
      const result = await runSetup(clientsFor(emu), creatingOptions(project));
      expect(result.outcome).toBe("complete");
      const after = definition(project);
      expect(after.variables.secret_cli_login).toEqual({
        value: "someone-set-this",
        isSecret: true,
        allowOverride: true,
      });
      expect(after.variables.secret_git).toEqual({
        value: "hidden",
        isSecret: true,
        allowOverride: true,
      });
    },
  );

  it(
    "a pipeline on our file under another name, " + "in a folder, is renamed and moved (same id)",
    async () => {
      const project = `Rename${++n}`;
      emu.addProject(project);
      emu.addRepository(project, "repo-runner-actions", {
        files: { "/stackspot.yml": renderPipelineFile({}) },
      });
      const seeded = emu.addDefinition(project, {
        name: "repo-runner-actions (1)",
        path: "\\Imported",
        repository: "repo-runner-actions",
        yamlFilename: "/stackspot.yml",
      });
      const options = creatingOptions(project);
      await repairsTo(project, options, [
        "update-pipeline",
        "create-service-connection",
        "authorize-service-connection",
      ]);
      expect(definition(project).id).toBe(seeded.id);
    },
  );

  it("a missing file is added on the existing branch, next to the user's files", async () => {
    const project = `NoFile${++n}`;
    emu.addProject(project);
    emu.addRepository(project, "repo-runner-actions", { files: { "/README.md": "hello\n" } });
    const options = creatingOptions(project);
    await repairsTo(project, options, [
      "write-file",
      "create-pipeline",
      "create-service-connection",
      "authorize-service-connection",
      "authorize-queue",
    ]);
    expect(emu.getFile(project, "repo-runner-actions", "main", "/README.md")).toBe("hello\n");
    expect(emu.listCommits(project, "repo-runner-actions", "main")).toHaveLength(2);
  });

  it("an empty repository gets main with the file", async () => {
    const project = `EmptyRepo${++n}`;
    emu.addProject(project);
    emu.addRepository(project, "repo-runner-actions", { defaultBranch: null });
    await repairsTo(project, creatingOptions(project), [
      "write-file",
      "create-pipeline",
      "create-service-connection",
      "authorize-service-connection",
      "authorize-queue",
    ]);
  });

  it(
    "a repository whose default branch is not main " +
      "gets the file there, and the pipeline follows it",
    async () => {
      const project = `Master${++n}`;
      emu.addProject(project);
      emu.addRepository(project, "repo-runner-actions", {
        defaultBranch: "master",
        files: { "/README.md": "m\n" },
      });
      const options = creatingOptions(project);
      const result = await runSetup(clientsFor(emu), options);
      expect(result.outcome).toBe("complete");
      expect(emu.getFile(project, "repo-runner-actions", "master", "/stackspot.yml")).toBe(
        renderPipelineFile(options),
      );
      expect(emu.listBranches(project, "repo-runner-actions")).toEqual(["master"]);
      const state = await readProjectState(clientsFor(emu), options);
      expect(state.pipelinesNamedStackspot[0].raw.repository.defaultBranch).toBe(
        "refs/heads/master",
      );
      expect((await plan(options)).upToDate).toBe(true);
    },
  );

  it("a file of an older format is upgraded", async () => {
    const { project, options } = await setUpProject();
    emu.commitFile(
      project,
      "repo-runner-actions",
      "main",
      "/stackspot.yml",
      sealPipelineFile(renderPipelineBody(options).replace("Run workflow", "Run"), 0),
    );
    await repairsTo(project, options, ["write-file"]);
  });

  it("the file of our own format is brought to new settings (another pool)", async () => {
    const { project, options } = await setUpProject();
    emu.addQueue(project, "Linux agents");
    const o2: SetupOptions = { ...options, pool: { kind: "self-hosted", queue: "Linux agents" } };
    const p = await plan(o2);
    expect(p.steps.map((s) => s.kind).sort()).toEqual(["authorize-queue", "write-file"]);
    const result = await runSetup(clientsFor(emu), o2);
    expect(result.outcome).toBe("complete");
    expect(emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(
      renderPipelineFile(o2),
    );
  });
});

describe("what belongs to the user is left alone", () => {
  it("a user-edited file stays byte for byte, unless the user chooses to replace it", async () => {
    const { project, options } = await setUpProject();
    const rendered = renderPipelineFile(options);
    const edited = `${rendered.replace("ubuntu-latest", "ubuntu-22.04")}# my note\r\n`;
    emu.commitFile(project, "repo-runner-actions", "main", "/stackspot.yml", edited);
    const p = await plan(options);
    expect(p.steps).toEqual([]);
    expect(p.decisions.map((d) => d.id)).toEqual(["replace-edited-file"]);
    expect(p.checklist.find((i) => i.key === "pipelineFile")?.state).toBe("needs-decision");
    emu.clearRequests();
    const result = await runSetup(clientsFor(emu), options);
    expect(result.outcome).toBe("needs-decision");
    expect(writes(emu.requests)).toEqual([]);
    expect(emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(edited);

    const replaced = await runSetup(clientsFor(emu), { ...options, replaceEditedFile: true });
    expect(replaced.outcome).toBe("complete");
    expectContract(emu, project, options);
  });

  it("the manual's hand-written file is foreign: kept, and the decision is offered", async () => {
    const project = `Manual${++n}`;
    emu.addProject(project);
    const manual =
      "trigger: none\npr: none\n" +
      "parameters:\n- name: workflow_execution_id\n  type: string\n  default: ''\n" +
      "steps:\n- script: echo\n";
    emu.addRepository(project, "repo-runner-actions", { files: { "/stackspot.yml": manual } });
    const options = creatingOptions(project);
    const result = await runSetup(clientsFor(emu), options);
    expect(result.outcome).toBe("needs-decision");
    expect(result.plan.checklist.find((i) => i.key === "pipelineFile")?.detail).toMatch(
      /not written by this extension.*hand-written/,
    );
    expect(emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(manual);
    // Everything else was still set up.
    expect(emu.listDefinitions(project).map((d) => d.name)).toEqual(["stackspot"]);
  });

  it(
    "a foreign stackspot pipeline stops with a clear " +
      "message, and is taken over only when asked",
    async () => {
      const project = `Foreign${++n}`;
      emu.addProject(project);
      emu.addRepository(project, "other-repo", { files: { "/ci.yml": "steps: []\n" } });
      const foreign = emu.addDefinition(project, {
        name: "stackspot",
        repository: "other-repo",
        yamlFilename: "/ci.yml",
        variables: { KEEP: { value: "1" } },
      });
      const options = creatingOptions(project);
      const result = await runSetup(clientsFor(emu), options);
      expect(result.outcome).toBe("needs-decision");
      const decision = result.plan.decisions.find((d) => d.id === "take-over-pipeline");
      expect(decision?.question).toMatch(/"stackspot".*other-repo.*\/ci\.yml/);
      expect(result.plan.checklist.find((i) => i.key === "pipeline")).toMatchObject({
        state: "needs-decision",
      });
      const untouched = emu.listDefinitions(project);
      expect(untouched).toHaveLength(1);
      expect(untouched[0]).toMatchObject({
        id: foreign.id,
        revision: foreign.revision,
        yamlFilename: "/ci.yml",
      });

      const taken = await runSetup(clientsFor(emu), { ...options, takeOverPipeline: true });
      expect(taken.outcome).toBe("complete");
      expectContract(emu, project, options);
      expect(definition(project)).toMatchObject({
        id: foreign.id,
        variables: expect.objectContaining({ KEEP: { value: "1" } }),
      });
    },
  );

  it(
    "an existing StackSpot service connection " + "is used (not recreated), and authorized",
    async () => {
      const project = `Conn${++n}`;
      emu.addProject(project);
      const ep = emu.addServiceEndpoint(project, {
        name: "stackspot",
        type: "stackspot",
        scheme: "UsernamePassword",
        parameters: { username: "u", password: "p" },
        data: { realm: "r" },
      });
      const options: SetupOptions = { project };
      const result = await runSetup(clientsFor(emu), options);
      expect(result.outcome).toBe("complete");
      expectContract(emu, project, options);
      expect(emu.listServiceEndpoints(project).map((e) => e.id)).toEqual([ep.id]);
    },
  );

  it("a missing service connection without credentials is a decision, not a guess", async () => {
    const project = `NoConn${++n}`;
    emu.addProject(project);
    const result = await runSetup(clientsFor(emu), { project });
    expect(result.outcome).toBe("needs-decision");
    expect(result.plan.decisions.map((d) => d.id)).toEqual(["provide-credentials"]);
    expect(emu.listServiceEndpoints(project)).toEqual([]);
  });

  it(
    "a self-hosted queue that does not exist blocks the " +
      "set-up with a clear message and changes nothing",
    async () => {
      const project = `NoQueue${++n}`;
      emu.addProject(project);
      emu.clearRequests();
      const result = await runSetup(
        clientsFor(emu),
        creatingOptions(project, { pool: { kind: "self-hosted", queue: "Missing pool" } }),
      );
      expect(result.outcome).toBe("blocked");
      expect(result.plan.checklist.find((i) => i.key === "agentPool")).toMatchObject({
        state: "blocked",
        detail: expect.stringMatching(
          /The agent queue "Missing pool" is missing, or not visible to you/,
        ),
      });
      expect(writes(emu.requests)).toEqual([]);
    },
  );

  it(
    "credentials as secret pipeline variables: created " +
      "secret, and an existing value is never overwritten",
    async () => {
      const project = `Vars${++n}`;
      emu.addProject(project);
      const options: SetupOptions = {
        project,
        credentials: { kind: "variables", values: CREDENTIALS },
      };
      const result = await runSetup(clientsFor(emu), options);
      expect(result.outcome).toBe("complete");
      expectContract(emu, project, options);
      const def = definition(project);
      expect(def.variables.STK_CLIENT_KEY).toMatchObject({
        value: CREDENTIALS.clientKey,
        isSecret: true,
      });
      expect(def.variables.STK_REALM).toMatchObject({ value: CREDENTIALS.realm, isSecret: true });
      // Other values later: nothing is overwritten.
      emu.clearRequests();
      const again = await runSetup(clientsFor(emu), {
        project,
        credentials: { kind: "variables", values: { clientId: "x", clientKey: "y", realm: "z" } },
      });
      expect(again.outcome).toBe("complete");
      expect(writes(emu.requests)).toEqual([]);
      expect(definition(project).variables.STK_CLIENT_KEY.value).toBe(CREDENTIALS.clientKey);
    },
  );
});
