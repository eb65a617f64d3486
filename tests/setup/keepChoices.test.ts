// An option the caller leaves unset keeps what the project has (the repository, the pool, the
// service connection, the credentials mode); the defaults apply only to what does not exist yet.
// Given explicitly, an option changes the project.
import {
  planSetup,
  readProjectState,
  renderPipelineFile,
  runSetup,
  SetupOptions,
} from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, creatingOptions, CREDENTIALS, useEmulator, writes } from "./harness";

const emu: Emulator = useEmulator();
let n = 0;

/** A fresh project set up to the contract with these choices. */
async function setUpProject(extra: Partial<SetupOptions>, seed?: (p: string) => void) {
  const project = `Keep${++n}`;
  emu.addProject(project);
  seed?.(project);
  const options = creatingOptions(project, extra);
  const result = await runSetup(clientsFor(emu), options);
  expect(result.outcome).toBe("complete");
  return { project, options };
}

async function plan(options: SetupOptions) {
  return planSetup(await readProjectState(clientsFor(emu), options), options);
}

async function expectKept(project: string, file: { repository: string; content: string }) {
  const p = await plan({ project });
  expect(p.steps).toEqual([]);
  expect(p.decisions).toEqual([]);
  expect(p.upToDate).toBe(true);
  emu.clearRequests();
  const result = await runSetup(clientsFor(emu), { project });
  expect(result.outcome).toBe("complete");
  expect(writes(emu.requests)).toEqual([]);
  expect(emu.getFile(project, file.repository, "main", "/stackspot.yml")).toBe(file.content);
}

const linux = (p: string) => void emu.addQueue(p, "Linux agents");

describe("options left unset keep what the project has", () => {
  it("a self-hosted pool", async () => {
    const pool = { kind: "self-hosted" as const, queue: "Linux agents" };
    const { project, options } = await setUpProject({ pool }, linux);
    const content = renderPipelineFile(options);
    await expectKept(project, { repository: "repo-runner-actions", content });
    expect((await plan({ project })).options.pool).toEqual(pool);
  });

  it("secret pipeline variables", async () => {
    const credentials = { kind: "variables" as const, values: CREDENTIALS };
    const { project, options } = await setUpProject({ credentials });
    const content = renderPipelineFile(options);
    await expectKept(project, { repository: "repo-runner-actions", content });
    expect((await plan({ project })).options.credentials).toEqual({ kind: "variables" });
  });

  it("a repository and a service connection of other names", async () => {
    const { project, options } = await setUpProject({
      repository: "infra",
      credentials: { kind: "service-connection", name: "stk-conn", create: CREDENTIALS },
    });
    await expectKept(project, { repository: "infra", content: renderPipelineFile(options) });
    const p = await plan({ project });
    expect(p.options.repository).toBe("infra");
    expect(p.options.credentials).toEqual({ kind: "service-connection", name: "stk-conn" });
  });
});

describe("options given explicitly change the project", () => {
  it("the pool", async () => {
    const pool = { kind: "self-hosted" as const, queue: "Linux agents" };
    const { project } = await setUpProject({ pool }, linux);
    const p = await plan({ project, pool: { kind: "hosted" } });
    expect(p.steps.map((s) => s.kind)).toContain("write-file");
    expect(p.options.pool).toEqual({ kind: "hosted" });
  });

  it("the credentials mode", async () => {
    const credentials = { kind: "variables" as const, values: CREDENTIALS };
    const { project } = await setUpProject({ credentials });
    const p = await plan(creatingOptions(project));
    expect(p.steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(["write-file", "create-service-connection"]),
    );
  });

  it("the repository and the service connection", async () => {
    const { project } = await setUpProject({
      repository: "infra",
      credentials: { kind: "service-connection", name: "stk-conn", create: CREDENTIALS },
    });
    const repo = await plan({ project, repository: "repo-runner-actions" });
    expect(repo.steps.map((s) => s.kind)).toContain("create-repository");
    const conn = await plan(creatingOptions(project, {}));
    expect(conn.steps.map((s) => s.kind)).toEqual(
      expect.arrayContaining(["write-file", "create-service-connection"]),
    );
    expect(conn.options.credentials).toMatchObject({ name: "stackspot" });
  });
});

describe("StackSpot credentials given without a credentials choice go where the credentials are", () => {
  it("kept secret variables, not a new service connection", async () => {
    const credentials = { kind: "variables" as const, values: CREDENTIALS };
    const { project } = await setUpProject({ credentials });
    const p = await plan({ project, stackSpotCredentials: CREDENTIALS });
    expect(p.steps).toEqual([]);
    expect(p.options.credentials).toEqual({ kind: "variables", values: expect.anything() });
  });

  it("a kept connection of another name", async () => {
    const { project } = await setUpProject({
      credentials: { kind: "service-connection", name: "stk-conn", create: CREDENTIALS },
    });
    const p = await plan({ project, stackSpotCredentials: CREDENTIALS });
    expect(p.steps).toEqual([]);
    expect(p.options.credentials).toMatchObject({ name: "stk-conn" });
  });

  it("the default connection, created, on a project with nothing yet", async () => {
    emu.addProject("FreshWithKey");
    const p = await plan({ project: "FreshWithKey", stackSpotCredentials: CREDENTIALS });
    expect(p.steps.map((s) => s.kind)).toContain("create-service-connection");
    expect(p.options.credentials).toMatchObject({ kind: "service-connection", name: "stackspot" });
    expect(JSON.stringify(p)).not.toContain(CREDENTIALS.clientKey);
  });
});

it("a project with nothing yet gets the defaults", async () => {
  emu.addProject("Fresh");
  const p = await plan({ project: "Fresh" });
  expect(p.options).toMatchObject({
    repository: "repo-runner-actions",
    pool: { kind: "hosted" },
    queueName: "Azure Pipelines",
    credentials: { kind: "service-connection", name: "stackspot" },
  });
  expect(p.steps.map((s) => s.kind)).toEqual(
    expect.arrayContaining(["create-repository", "write-file", "create-pipeline"]),
  );
});
