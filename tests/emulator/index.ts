// The Azure DevOps REST emulator: an in-memory organization behind a real HTTP server on 127.0.0.1,
// used by tests, benchmarks and `npm start`. The interface is tests/emulator/types.ts.
import { randomBytes } from "node:crypto";
import type {
  ContractViolation,
  Emulator,
  EmulatorOptions,
  FaultRule,
  Permission,
  RequestRecord,
} from "./types";
import { State } from "./state";
import { Router, type EmulatorCore } from "./router";
import { EmulatorServer } from "./server";
import { Faults } from "./faults";
import { Seeder } from "./seeding";
import { loadContractChecker } from "./contract";
import { liveEmulators } from "./registry";
import { fullRef } from "./gitStore";
import { coreRoutes } from "./routes/core";
import { gitRoutes } from "./routes/git";
import { gitItemRoutes } from "./routes/gitItems";
import { gitPushRoutes } from "./routes/gitPushes";
import { gitPullRequestRoutes } from "./routes/gitPullRequests";
import { buildRoutes } from "./routes/build";
import { pipelinePermissionRoutes } from "./routes/pipelinePermissions";
import { pipelineRoutes } from "./routes/pipelines";
import { taskAgentRoutes } from "./routes/taskagent";
import { serviceEndpointRoutes } from "./routes/serviceendpoint";
import { securityRoutes } from "./routes/security";

export type { Emulator, EmulatorOptions } from "./types";
export { liveEmulators } from "./registry";

/** A PAT-like token: 52 characters of base32, as Azure DevOps PATs long were. */
function newToken(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  return [...randomBytes(52)].map((b) => alphabet[b % 32]).join("");
}

export function createRouter(): Router {
  const router = new Router();
  // Order matters where templates overlap: pipelinePermissions before pipelines/{pipelineId}.
  router.add(
    ...coreRoutes,
    ...gitRoutes,
    ...gitItemRoutes,
    ...gitPushRoutes,
    ...gitPullRequestRoutes,
    ...buildRoutes,
    ...pipelinePermissionRoutes,
    ...pipelineRoutes,
    ...taskAgentRoutes,
    ...serviceEndpointRoutes,
    ...securityRoutes,
  );
  return router;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const organization = options.organization ?? "demo-org";
  const state = new State(options.userName ?? "Demo User");
  const seeder = new Seeder(state);
  const faults = new Faults();
  const requests: RequestRecord[] = [];
  const violations: ContractViolation[] = [];
  const token = newToken();
  let latencyMs = options.latencyMs ?? 0;
  // Assigned once the server knows its port; the server reads it only when a request arrives.
  // eslint-disable-next-line prefer-const
  let core: EmulatorCore | undefined;
  const server = new EmulatorServer({
    core: () => core!,
    router: createRouter(),
    faults,
    checker: options.contractCheck === false ? undefined : loadContractChecker(),
    token,
    log: requests,
    violations,
    latencyMs: () => latencyMs,
  });
  const port = await server.listen();
  const baseUrl = `http://127.0.0.1:${port}`;
  const orgUrl = `${baseUrl}/${organization}/`;
  core = { state, organization, baseUrl, orgUrl };

  const emulator: Emulator = {
    baseUrl,
    orgUrl,
    organization,
    token,
    async stop() {
      liveEmulators.delete(emulator);
      await server.stop();
    },
    addProject: (name) => seeder.addProject(name),
    addRepository: (project, name, opts) => seeder.addRepository(project, name, opts),
    commitFile: (project, repository, branch, path, content) =>
      seeder.commitFile(project, repository, branch, path, content),
    addQueue: (project, name, opts) => seeder.addQueue(project, name, opts),
    addDefinition: (project, def) => seeder.addDefinition(project, def),
    addServiceEndpoint: (project, ep) => seeder.addServiceEndpoint(project, ep),
    addRun: (project, pipelineId, run) => seeder.addRun(project, pipelineId, run),
    updateRun: (project, pipelineId, runId, change) =>
      seeder.updateRun(project, pipelineId, runId, change),
    seedBulk: (project, counts) => seeder.seedBulk(project, counts),
    getProject: (name) => {
      const p = state.findProject(name);
      return p ? { id: p.id, name: p.name } : undefined;
    },
    listRepositories: (project) => seeder.listRepositories(project),
    getFile: (project, repository, branch, path) =>
      seeder.getFile(project, repository, branch, path),
    listCommits: (project, repository, branch) => seeder.listCommits(project, repository, branch),
    listBranches: (project, repository) => seeder.listBranches(project, repository),
    listDefinitions: (project) => seeder.listDefinitions(project),
    listQueues: (project) => seeder.listQueues(project),
    listServiceEndpoints: (project) => seeder.listServiceEndpoints(project),
    listPullRequests: (project, repository) => seeder.listPullRequests(project, repository),
    listRuns: (project, pipelineId) => seeder.listRuns(project, pipelineId),
    pipelinePermissions: (project, type, id) => seeder.pipelinePermissions(project, type, id),
    deny: (permission: Permission, scope?: { project: string }) =>
      state.deny(permission, scope ? seeder.project(scope.project).id : undefined),
    allow: (permission: Permission, scope?: { project: string }) =>
      state.allow(permission, scope ? seeder.project(scope.project).id : undefined),
    protectBranch: (project, repository, branch) =>
      void seeder.repo(project, repository).protectedBranches.add(fullRef(branch)),
    completePullRequest: (project, repository, pullRequestId) =>
      seeder.completePullRequest(project, repository, pullRequestId),
    behave: (behaviour) => void Object.assign(state.behaviour, behaviour),
    addFault: (rule: FaultRule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    setLatency: (ms: number) => void (latencyMs = ms),
    requests,
    clearRequests: () => void requests.splice(0),
    violations,
    clearViolations: () => void violations.splice(0),
  };
  liveEmulators.add(emulator);
  return emulator;
}
