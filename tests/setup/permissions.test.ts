// A denied permission on each write: the set-up asks before writing, stops naming the permission
// and where it is granted, and changes nothing — no repository, file, branch, pipeline, connection
// or authorization, and no write request at all — whether the project id was given (checks in the
// first round trip) or not (one more). Once the permission is granted, the same set-up completes.
// The write's own refusal stays as a second line of defence for a check that was stale or could not
// be made.
import { PermissionDeniedError } from "../../src/ado";
import { readProjectState, planSetup, runSetup, SetupEvent, SetupOptions } from "../../src/setup";
import type { Emulator, Permission } from "../emulator/types";
import { clientsFor, CREDENTIALS, creatingOptions, expectContract, useEmulator } from "./harness";

const emu: Emulator = useEmulator();

const REPO = "repo-runner-actions";

interface Case {
  permission: Permission;
  /** The step that needs it, and the checklist item it blocks. */
  step: string;
  item: string;
  named: RegExp;
  where: RegExp;
  seed?: (project: string) => void | Promise<void>;
  options?: Partial<SetupOptions>;
}

const SELF_HOSTED: Partial<SetupOptions> = {
  pool: { kind: "self-hosted", queue: "Linux agents" },
};

const someoneElsesConnection = (project: string) =>
  void emu.addServiceEndpoint(project, {
    name: "stackspot",
    type: "stackspot",
    scheme: "UsernamePassword",
    parameters: { username: CREDENTIALS.clientId, password: CREDENTIALS.clientKey },
    data: { realm: CREDENTIALS.realm },
  });

const cases: Case[] = [
  {
    permission: "CreateRepository",
    step: "create-repository",
    item: "repository",
    named: /"Create repository"/,
    where: /Repositories → Security/,
  },
  // A new repository inherits the project's Git permissions: Contribute is checked there.
  {
    permission: "GenericContribute",
    step: "write-file",
    item: "pipelineFile",
    named: /"Contribute"/,
    where: /the repository → Security/,
  },
  {
    permission: "GenericContribute",
    step: "write-file",
    item: "pipelineFile",
    named: /"Contribute"/,
    where: /the repository → Security/,
    seed: (project) => void emu.addRepository(project, REPO, { files: { "/README.md": "x\n" } }),
  },
  {
    permission: "EditBuildDefinition",
    step: "create-pipeline",
    item: "pipeline",
    named: /"Edit build pipeline"/,
    where: /Manage security/,
  },
  {
    permission: "EditBuildDefinition",
    step: "update-pipeline",
    item: "pipeline",
    named: /"Edit build pipeline"/,
    where: /Manage security/,
    seed: (project) => {
      emu.addRepository(project, REPO, { files: {} });
      emu.addDefinition(project, {
        name: "old name",
        path: "\\team, and more",
        repository: REPO,
        yamlFilename: "/stackspot.yml",
      });
    },
  },
  {
    permission: "CreateServiceEndpoint",
    step: "create-service-connection",
    item: "credentials",
    named: /"Creator \(service connections\)"/,
    where: /Service connections → Security/,
  },
  // The creator of a connection administers it, so the denial matters for someone else's
  // connection.
  {
    permission: "AdministerPipelinePermissions",
    step: "authorize-service-connection",
    item: "credentials",
    named: /"Administrator \(on the service connection\)"/,
    where: /the connection → Security/,
    seed: someoneElsesConnection,
  },
  // A self-hosted queue is not open to every pipeline: the new pipeline must be allowed on it,
  // which takes the Administrator role on the queue (DistributedTask, AdministerPermissions).
  {
    permission: "AdministerPipelinePermissions",
    step: "authorize-queue",
    item: "agentPool",
    named: /"Administrator \(on the agent queue\)"/,
    where: /Agent pools → the pool → Security/,
    seed: (project) => void emu.addQueue(project, "Linux agents"),
    options: SELF_HOSTED,
  },
  // The first user's case: a project set up on Microsoft-hosted agents, moved to a self-hosted
  // pool. The file and the pipeline would change first, then the queue would refuse.
  {
    permission: "AdministerPipelinePermissions",
    step: "authorize-queue",
    item: "agentPool",
    named: /"Administrator \(on the agent queue\)"/,
    where: /Agent pools → the pool → Security/,
    seed: async (project) => {
      emu.addQueue(project, "Linux agents");
      const first = await runSetup(clientsFor(emu), creatingOptions(project));
      expect(first.outcome).toBe("complete");
    },
    options: SELF_HOSTED,
  },
];

/** Everything the set-up could change, from the emulator's own view. */
function snapshot(project: string): string {
  const repos = emu.listRepositories(project).map((r) => ({
    ...r,
    branches: emu
      .listBranches(project, r.name)
      .map((b) => ({ b, commits: emu.listCommits(project, r.name, b) })),
    pullRequests: emu.listPullRequests(project, r.name),
  }));
  const endpoints = emu.listServiceEndpoints(project);
  const authorizations = [
    ...endpoints.map((e) => emu.pipelinePermissions(project, "endpoint", e.id)),
    ...emu.listQueues(project).map((q) => emu.pipelinePermissions(project, "queue", String(q.id))),
  ];
  return JSON.stringify({
    repos,
    definitions: emu.listDefinitions(project),
    endpoints,
    authorizations,
  });
}

let counter = 0;

describe.each([
  ["with the project id", true],
  ["without the project id", false],
] as const)("%s", (_label, withId) => {
  it.each(
    cases.map((c, i) => [`${c.permission} (${c.step}${c.seed ? `, seed ${i}` : ""})`, i] as const),
  )("denied %s: blocked, nothing changed", async (_name, index) => {
    const c = cases[index];
    const project = `Denied${++counter}`;
    const { id } = emu.addProject(project);
    await c.seed?.(project);
    const options: SetupOptions = creatingOptions(project, {
      ...c.options,
      ...(withId ? { projectId: id } : {}),
    });
    const before = snapshot(project);
    emu.deny(c.permission, { project });
    emu.clearRequests();
    const events: SetupEvent[] = [];
    try {
      const result = await runSetup(clientsFor(emu), options, { onEvent: (e) => events.push(e) });
      expect(result.outcome).toBe("blocked");
      expect(emu.requests.filter((r) => r.write)).toEqual([]);
      expect(snapshot(project)).toBe(before);
      expect(events.filter((e) => e.type === "step-started")).toEqual([]);

      const failure = result.failure!;
      expect(failure.step.kind).toBe(c.step);
      expect(failure.error).toBeInstanceOf(PermissionDeniedError);
      expect(failure.message).toMatch(c.named);
      expect(failure.remedy).toMatch(c.named);
      expect(failure.remedy).toMatch(c.where);
      expect(result.plan.blocked).toBe(true);
      expect(result.plan.permissionDenials.map((d) => d.step.kind)).toEqual([c.step]);
      const item = result.plan.checklist.find((i) => i.key === c.item)!;
      expect(item.state).toBe("blocked");
      expect(item.detail).toMatch(c.named);
      expect(item.detail).toMatch(c.where);
      // Nothing changed, so the project stands where it stood.
      expect(result.after).toBe(result.plan);
      expect(
        JSON.stringify([
          failure.message,
          failure.remedy,
          result.plan,
          events.map((e) => ({ ...e, error: undefined })),
        ]),
      ).not.toContain(CREDENTIALS.clientKey);
    } finally {
      emu.allow(c.permission, { project });
    }
    const again = await runSetup(clientsFor(emu), options);
    expect(again.failure?.message).toBeUndefined();
    expect(again.outcome).toBe("complete");
    expectContract(emu, project, options);
  });
});

it(
  "denied Contribute to pull requests on a protected branch: the file " +
    "goes first, and its refusal stops the set-up before any change",
  async () => {
    const project = `Denied${++counter}`;
    const { id } = emu.addProject(project);
    emu.addRepository(project, REPO, { files: { "/README.md": "x\n" } });
    emu.protectBranch(project, REPO, "main");
    const options = creatingOptions(project, { projectId: id });
    const before = snapshot(project);
    emu.deny("PullRequestContribute", { project });
    emu.clearRequests();
    try {
      const result = await runSetup(clientsFor(emu), options);
      expect(result.outcome).toBe("failed");
      expect(result.failure!.step.kind).toBe("write-file");
      expect(result.failure!.error).toBeInstanceOf(PermissionDeniedError);
      expect(result.failure!.message).toMatch(/"Contribute to pull requests"/);
      expect(result.failure!.remedy).toMatch(/the repository → Security/);
      // Whether a branch policy refuses a push is known only by pushing: that one write is refused,
      // nothing else is sent.
      const writes = emu.requests.filter((r) => r.write);
      expect(writes.map((w) => [w.method, w.path.replace(/^.*\/_apis\//, ""), w.status])).toEqual([
        ["POST", expect.stringMatching(/pushes$/), 403],
      ]);
      expect(snapshot(project)).toBe(before);
    } finally {
      emu.allow("PullRequestContribute", { project });
    }
    const again = await runSetup(clientsFor(emu), options);
    expect(again.outcome).toBe("waiting-for-pull-request");
    expect(emu.listPullRequests(project, REPO)).toHaveLength(1);
  },
);

it(
  "a check that could not be made leaves the " + "write's own refusal to name the permission",
  async () => {
    const project = `Denied${++counter}`;
    const { id } = emu.addProject(project);
    // The permission checks answer 404 (an older server, say): the set-up goes on unchecked.
    emu.addFault({ route: /\/_apis\/permissions\//, status: 404, times: Infinity });
    emu.deny("EditBuildDefinition", { project });
    try {
      const result = await runSetup(clientsFor(emu), creatingOptions(project, { projectId: id }));
      expect(result.outcome).toBe("failed");
      expect(result.failure!.step.kind).toBe("create-pipeline");
      expect(result.failure!.error).toBeInstanceOf(PermissionDeniedError);
      expect((result.failure!.error as PermissionDeniedError).status).toBe(403);
      expect(result.failure!.message).toMatch(/"Edit build pipeline"/);
      expect(emu.listDefinitions(project)).toEqual([]);
    } finally {
      emu.clearFaults();
      emu.clearViolations(); // the injected 404 has no service error body to speak of
      emu.allow("EditBuildDefinition", { project });
    }
  },
);

it("a status read checks no permission and blocks nothing", async () => {
  const project = `Denied${++counter}`;
  emu.addProject(project);
  emu.deny("CreateRepository", { project });
  emu.clearRequests();
  try {
    const plan = planSetup(
      await readProjectState(clientsFor(emu), creatingOptions(project)),
      creatingOptions(project),
    );
    expect(plan.blocked).toBe(false);
    expect(plan.permissionDenials).toEqual([]);
    expect(emu.requests.filter((r) => r.path.includes("/_apis/permissions/"))).toEqual([]);
  } finally {
    emu.allow("CreateRepository", { project });
  }
});
