// The organization of the playground's organization view and of its tests: about 30 projects, in
// every state the view shows. Projects that are "ready" are set up by the real engine over HTTP
// (not by writing the emulator's store), so they look exactly as a set-up leaves them; the other
// states are made from there the way people make them (an edited file, a protected branch, a
// denied permission, a failing service).
import { basicAuth } from "./clients";
import type { Emulator } from "./types";
import { createClients, type AdoClients } from "../../src/ado";
import { runSetup, type SetupOptions } from "../../src/setup";

/** The state the organization view should show for a project, as `stackspot-ado status` says. */
export type ExpectedState =
  | "ready"
  | "changes-pending"
  | "needs-decision"
  | "waiting-for-pull-request"
  | "blocked"
  | "failed";

export interface OrgDemoProject {
  name: string;
  expected: ExpectedState;
  /** Why, in words: what the seeding did to the project. */
  story: string;
}

export interface OrgDemo {
  projects: OrgDemoProject[];
  /** A project the user may not see at all: the projects list leaves it out. */
  hidden: string;
}

const CREDENTIALS = { clientId: "demo-client", clientKey: "demo-key-0000", realm: "demo-realm" };

const APP_FILES = {
  "/README.md": "# app\n",
  "/azure-pipelines.yml":
    "trigger:\n  - main\npool:\n  vmImage: ubuntu-latest\nsteps:\n  - script: make\n",
};

/** Seeds the organization and returns what each project should show. */
export async function seedOrgDemo(emulator: Emulator): Promise<OrgDemo> {
  const clients = createClients({
    orgUrl: emulator.orgUrl,
    authHeader: async () => basicAuth(emulator.token),
  });
  const setUp = async (project: string, options: Partial<SetupOptions> = {}) => {
    const result = await runSetup(clients, {
      project,
      stackSpotCredentials: CREDENTIALS,
      ...options,
    });
    if (result.outcome !== "complete" && result.outcome !== "waiting-for-pull-request")
      throw new Error(`seeding ${project}: the set-up ended ${result.outcome}`);
  };
  const projects: OrgDemoProject[] = [];
  const add = (name: string, expected: ExpectedState, story: string) => {
    emulator.addProject(name);
    emulator.addRepository(name, "app", { files: APP_FILES });
    projects.push({ name, expected, story });
  };

  for (const name of [
    "Payments",
    "Ledger",
    "Cards",
    "Mobile Banking",
    "Risk",
    "Onboarding",
    "Pricing",
    "Settlements",
  ]) {
    add(name, "ready", "set up with the defaults");
    await setUp(name);
  }
  add("Trading", "ready", "set up on a self-hosted pool");
  emulator.addQueue("Trading", "Self-Hosted Linux");
  await setUp("Trading", { pool: { kind: "self-hosted", queue: "Self-Hosted Linux" } });
  add("Treasury", "ready", "set up, with runs");
  await setUp("Treasury");
  addRuns(emulator, "Treasury");

  for (const name of [
    "Data Lake",
    "Fraud",
    "Loans",
    "Insurance",
    "Wealth",
    "Branches",
    "HR",
    "Reporting",
  ]) {
    add(name, "changes-pending", "never set up");
  }
  add("Compliance", "changes-pending", "set up; then the connection was closed to the pipeline");
  await setUp("Compliance");
  await revokeConnectionAuthorization(emulator, clients, "Compliance");

  add("Marketing", "needs-decision", "someone edited /stackspot.yml after the set-up");
  await setUp("Marketing");
  editManagedFile(emulator, "Marketing");
  add("Analytics", "needs-decision", "a pipeline named stackspot runs another file");
  emulator.addDefinition("Analytics", {
    name: "stackspot",
    repository: "app",
    yamlFilename: "/azure-pipelines.yml",
  });

  add("Sandbox", "needs-decision", "a /stackspot.yml of its own is already in the repository");
  emulator.addRepository("Sandbox", "repo-runner-actions", {
    files: { "/stackspot.yml": "steps:\n  - script: echo hand-made\n" },
  });

  for (const name of ["Core Banking", "Identity", "Gateway"]) {
    add(name, "waiting-for-pull-request", "the default branch is protected");
    emulator.addRepository(name, "repo-runner-actions", { files: { "/README.md": "# runner\n" } });
    emulator.protectBranch(name, "repo-runner-actions", "main");
    await setUp(name);
  }

  add("Audit", "blocked", "the user may not create repositories here");
  emulator.deny("CreateRepository", { project: "Audit" });
  add("Legal", "blocked", "the user may not edit build pipelines here");
  emulator.deny("EditBuildDefinition", { project: "Legal" });
  add("Procurement", "blocked", "the user may not see the project's agent queues");
  emulator.deny("ViewQueues", { project: "Procurement" });

  add("Archive", "failed", "the service fails every read of its repositories");
  const archiveId = emulator.getProject("Archive")?.id ?? "Archive";
  emulator.addFault({
    // By name or by id: the readers use either.
    route: new RegExp(`/(Archive|${archiveId})/_apis/git/repositories`, "i"),
    status: 500,
    times: Infinity,
  });

  const hidden = "Secret Project";
  emulator.addProject(hidden);
  emulator.deny("ViewProject", { project: hidden });
  return { projects, hidden };
}

function stackspotPipelineId(emulator: Emulator, project: string): number {
  const def = emulator.listDefinitions(project).find((d) => d.name === "stackspot");
  if (!def) throw new Error(`seeding ${project}: no stackspot pipeline`);
  return def.id;
}

function addRuns(emulator: Emulator, project: string): void {
  const pipelineId = stackspotPipelineId(emulator, project);
  const day = 24 * 3600 * 1000;
  for (const [i, result] of (["succeeded", "failed", "succeeded"] as const).entries()) {
    const created = new Date(Date.UTC(2026, 10, 20 + i, 9, 30));
    emulator.addRun(project, pipelineId, {
      state: "completed",
      result,
      templateParameters: {
        workflow_execution_id: `exec-${project}-${i + 1}`,
        workflow_inputs: "",
      },
      createdDate: created.toISOString(),
      finishedDate: new Date(created.getTime() + day / 200).toISOString(),
    });
  }
}

/** Someone edits the managed file in the repository (a commit of theirs on the default branch). */
function editManagedFile(emulator: Emulator, project: string): void {
  const path = "/stackspot.yml";
  const content = emulator.getFile(project, "repo-runner-actions", "main", path);
  if (content === undefined) throw new Error(`seeding ${project}: no ${path}`);
  emulator.commitFile(
    project,
    "repo-runner-actions",
    "main",
    path,
    `${content}\n# pinned by the platform team\n`,
  );
}

/** An administrator closes the service connection to the pipeline, as they would over REST. */
async function revokeConnectionAuthorization(
  emulator: Emulator,
  clients: AdoClients,
  project: string,
): Promise<void> {
  const endpoint = emulator.listServiceEndpoints(project).find((e) => e.name === "stackspot");
  if (!endpoint) throw new Error(`seeding ${project}: no stackspot service connection`);
  await clients.pipelinePermissions.updatePipelinePermissionsForResource(
    project,
    "endpoint",
    endpoint.id,
    [{ id: stackspotPipelineId(emulator, project), authorized: false }],
  );
}
