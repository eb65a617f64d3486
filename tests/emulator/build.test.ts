// build definitions and the Pipelines API through the real clients.
import type { BuildDefinition } from "azure-devops-extension-api/Build";
import { useEmulator } from "./useEmulator";
import { clientsFor, failure } from "./clients";

const YAML = [
  "trigger: none",
  "pr: none",
  "parameters:",
  "  - name: workflow_execution_id",
  "    type: string",
  "    default: ''",
  "  - name: workflow_inputs",
  "    type: string",
  "    default: ''",
  "steps: []",
  "",
].join("\n");

const emu = useEmulator({ scope: "each" });
let c: ReturnType<typeof clientsFor>;
let repoId: string;
let hostedQueueId: number;

beforeEach(() => {
  emu.addProject("Demo");
  repoId = emu.addRepository("Demo", "repo-runner-actions", {
    files: { "/stackspot.yml": YAML },
  }).id;
  hostedQueueId = emu.listQueues("Demo").find((q) => q.name === "Azure Pipelines")!.id;
  c = clientsFor(emu);
});

function stackspotDefinition(name = "stackspot"): BuildDefinition {
  return {
    name,
    path: "\\",
    process: { type: 2, yamlFilename: "/stackspot.yml" },
    repository: {
      id: repoId,
      name: "repo-runner-actions",
      type: "TfsGit",
      defaultBranch: "refs/heads/main",
    },
    queue: { id: hostedQueueId },
    variables: {
      secret_cli_login: { value: "", isSecret: true, allowOverride: true },
      secret_git: { value: "", isSecret: true, allowOverride: true },
      plain: { value: "visible", allowOverride: false },
    },
  } as unknown as BuildDefinition;
}

describe("definitions", () => {
  it("creates a YAML definition and returns the stored definition (revision 1, enums as numbers)", async () => {
    const def = await c.build.createDefinition(stackspotDefinition(), "Demo");
    expect(def.id).toBeGreaterThan(0);
    expect(def.revision).toBe(1);
    expect(def.path).toBe("\\");
    expect(def.project.name).toBe("Demo");
    expect(def.url).toContain(`/_apis/build/Definitions/${def.id}`);
    expect(def.process).toEqual({ yamlFilename: "/stackspot.yml", type: 2 });
    expect(def.queueStatus).toBe(0);
    expect(def.queue.pool.isHosted).toBe(true);
    expect(def.repository).toMatchObject({
      id: repoId,
      type: "TfsGit",
      defaultBranch: "refs/heads/main",
    });
    expect(def.createdDate).toBeInstanceOf(Date);
  });

  it("never returns secret values (null), keeps them across updates, and keeps allowOverride", async () => {
    await c.build.createDefinition(stackspotDefinition(), "Demo");
    const stored = emu.listDefinitions("Demo")[0];
    const got = await c.build.getDefinition("Demo", stored.id);
    expect(got.variables.secret_cli_login).toEqual({
      value: null,
      isSecret: true,
      allowOverride: true,
    });
    expect(got.variables.plain).toEqual({ value: "visible" });
    const withSecret = {
      ...got,
      variables: {
        ...got.variables,
        secret_git: { value: "s3cr3t", isSecret: true, allowOverride: true },
      },
    };
    const updated = await c.build.updateDefinition(withSecret, "Demo", stored.id);
    expect(updated.variables.secret_git.value).toBeNull();
    // The answer carries null for the secret; sending it back unchanged must not wipe the stored
    // value.
    const again = await c.build.updateDefinition(
      { ...updated, name: "stackspot" },
      "Demo",
      stored.id,
    );
    expect(again.revision).toBe(3);
    expect(emu.listDefinitions("Demo")[0].variables.secret_git).toEqual({
      value: "s3cr3t",
      isSecret: true,
      allowOverride: true,
    });
  });

  it("refuses a duplicate name in the same folder (400 DefinitionExistsException) but not in another folder", async () => {
    await c.build.createDefinition(stackspotDefinition(), "Demo");
    const dup = await failure(c.build.createDefinition(stackspotDefinition("STACKSPOT"), "Demo"));
    expect(dup.status).toBe(400);
    expect(dup.serverError?.typeKey).toBe("DefinitionExistsException");
    expect(dup.message).toBe("Build pipeline STACKSPOT already exists for project Demo");
    const other = await c.build.createDefinition(
      { ...stackspotDefinition(), path: "\\team" } as BuildDefinition,
      "Demo",
    );
    expect(other.path).toBe("\\team");
  });

  it("renames with the current revision and answers a stale revision with 404 'Build pipeline N was not found.'", async () => {
    emu.addDefinition("Demo", {
      name: "repo-runner-actions",
      repository: "repo-runner-actions",
      yamlFilename: "/stackspot.yml",
    });
    const [def] = await c.build.getDefinitions("Demo", "repo-runner-actions");
    const full = await c.build.getDefinition("Demo", def.id);
    const renamed = await c.build.updateDefinition({ ...full, name: "stackspot" }, "Demo", def.id);
    expect(renamed).toMatchObject({ name: "stackspot", revision: 2 });
    const stale = await failure(
      c.build.updateDefinition({ ...full, name: "other" }, "Demo", def.id),
    );
    expect(stale.status).toBe(404);
    expect(stale.message).toBe(`Build pipeline ${def.id} was not found.`);
    expect(emu.listDefinitions("Demo")[0]).toMatchObject({ name: "stackspot", revision: 2 });
    const wrongId = await failure(
      c.build.updateDefinition({ ...renamed, id: 999 }, "Demo", def.id),
    );
    expect(wrongId.status).toBe(400);
  });

  it("lists by name and path, and returns references unless includeAllProperties", async () => {
    emu.addDefinition("Demo", {
      name: "stackspot",
      repository: "repo-runner-actions",
      yamlFilename: "/stackspot.yml",
    });
    emu.addDefinition("Demo", {
      name: "stackspot",
      path: "\\elsewhere",
      repository: "repo-runner-actions",
      yamlFilename: "/stackspot.yml",
    });
    emu.addDefinition("Demo", {
      name: "build",
      repository: "repo-runner-actions",
      yamlFilename: "/azure-pipelines.yml",
    });
    const byName = await c.build.getDefinitions("Demo", "stackspot");
    expect(byName.map((d) => d.path).sort()).toEqual(["\\", "\\elsewhere"]);
    expect((byName[0] as unknown as { process?: unknown }).process).toBeUndefined();
    const root = await c.build.getDefinitions(
      "Demo",
      "stackspot",
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "\\",
    );
    expect(root.map((d) => d.path)).toEqual(["\\"]);
    const wildcard = await c.build.getDefinitions("Demo", "stack*");
    expect(wildcard.length).toBe(2);
    const full = await c.build.getDefinitions(
      "Demo",
      "build",
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect((full[0] as unknown as { process: unknown }).process).toEqual({
      yamlFilename: "/azure-pipelines.yml",
      type: 2,
    });
    const page = await c.build.getDefinitions(
      "Demo",
      undefined,
      undefined,
      undefined,
      undefined,
      2,
    );
    expect(page.length).toBe(2);
    expect(page.continuationToken).toBeTruthy();
  });

  it("answers 403 with the service's message when Edit build pipeline is denied", async () => {
    emu.deny("EditBuildDefinition");
    const denied = await failure(c.build.createDefinition(stackspotDefinition(), "Demo"));
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(
      /^Access denied\. Demo User needs Edit build pipeline permissions for build pipeline \\stackspot to perform the action\./,
    );
    emu.deny("ViewBuildDefinition");
    expect((await c.build.getDefinitions("Demo")).length).toBe(0);
  });
});

describe("pipelines and runs", () => {
  let id: number;
  beforeEach(async () => {
    id = (await c.build.createDefinition(stackspotDefinition(), "Demo")).id;
  });

  it("lists and gets pipelines with the definitions' ids, folders and YAML configuration", async () => {
    const list = await c.pipelines.listPipelines("Demo");
    expect(list.map((p) => ({ id: p.id, name: p.name, folder: p.folder }))).toEqual([
      { id, name: "stackspot", folder: "\\" },
    ]);
    const pipeline = await c.pipelines.getPipeline("Demo", id);
    expect(pipeline.configuration).toMatchObject({
      type: 1,
      path: "/stackspot.yml",
      repository: { id: repoId },
    });
    expect((await failure(c.pipelines.getPipeline("Demo", 4242))).status).toBe(404);
  });

  it("runs with template parameters and queue-time variables, and lists runs newest first", async () => {
    const run = await c.pipelines.runPipeline(
      {
        templateParameters: { workflow_execution_id: "abc-123", workflow_inputs: "{}" },
        variables: {
          secret_cli_login: { value: "login-secret", isSecret: true },
          secret_git: { value: "git-secret", isSecret: true },
        },
      } as never,
      "Demo",
      id,
    );
    expect(run.state).toBe(1); // inProgress
    expect(run.pipeline.id).toBe(id);
    const second = await c.pipelines.runPipeline(
      { templateParameters: { workflow_execution_id: "def-456" } } as never,
      "Demo",
      id,
    );
    const runs = await c.pipelines.listRuns("Demo", id);
    expect(runs.map((r) => r.id)).toEqual([second.id, run.id]);
    expect((await c.pipelines.getRun("Demo", id, run.id)).templateParameters).toEqual({
      workflow_execution_id: "abc-123",
      workflow_inputs: "{}",
    });
    expect(JSON.stringify(runs)).not.toContain("login-secret");
    const recorded = emu.listRuns("Demo", id);
    expect(recorded[1].variables.secret_cli_login).toEqual({
      value: "login-secret",
      isSecret: true,
    });
  });

  it("refuses variables not settable at queue time, and unknown template parameters (400)", async () => {
    const refused = await failure(
      c.pipelines.runPipeline(
        { variables: { plain: { value: "x" }, unknown_var: { value: "y" } } } as never,
        "Demo",
        id,
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toContain("You can't set the following variables (plain,unknown_var).");
    const param = await failure(
      c.pipelines.runPipeline({ templateParameters: { nope: "1" } } as never, "Demo", id),
    );
    expect(param.status).toBe(400);
    expect(param.message).toBe("Unexpected parameter 'nope'");
    expect(emu.listRuns("Demo", id)).toEqual([]);
  });

  it("refuses to run when the YAML file is missing, or without Queue builds", async () => {
    emu.addDefinition("Demo", {
      name: "broken",
      repository: "repo-runner-actions",
      yamlFilename: "/missing.yml",
    });
    const broken = emu.listDefinitions("Demo").find((d) => d.name === "broken")!;
    const missing = await failure(c.pipelines.runPipeline({} as never, "Demo", broken.id));
    expect(missing.status).toBe(400);
    expect(missing.message).toContain(
      "File /missing.yml not found in repository repo-runner-actions",
    );
    emu.deny("QueueBuilds");
    const denied = await failure(c.pipelines.runPipeline({} as never, "Demo", id));
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/needs Queue builds permissions for build pipeline stackspot/);
  });

  it("shows seeded runs", async () => {
    emu.addRun("Demo", id, {
      state: "completed",
      result: "failed",
      templateParameters: { workflow_execution_id: "old" },
    });
    const [run] = await c.pipelines.listRuns("Demo", id);
    expect(run).toMatchObject({ state: 4, result: 2 });
    // As the service is reported to: the list leaves templateParameters out, Runs - Get has them.
    expect(run.templateParameters).toBeUndefined();
    expect((await c.pipelines.getRun("Demo", id, run.id)).templateParameters).toEqual({
      workflow_execution_id: "old",
    });
  });
});
