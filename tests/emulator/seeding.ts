// Seeding and inspection: the emulator's own, HTTP-free view of its state, for tests, benchmarks
// and the playground. Misuse (an unknown project...) throws at once: it is a bug in the test, not a
// REST answer.
import { randomUUID } from "node:crypto";
import type {
  DefinitionRecord,
  ProjectRecord,
  PullRequestRecord,
  QueueRecord,
  RepositoryRecord,
  RunRecord,
  ServiceEndpointRecord,
  VariableRecord,
} from "./types";
import type { Project, State } from "./state";
import { addRun, createDefinition } from "./buildStore";
import { type Commit, type FileChange, fullRef, type GitRepo, normalizePath } from "./gitStore";

const ANOTHER_USER = { name: "Another User", email: "another.user@example.com" };

export class Seeder {
  constructor(private readonly state: State) {}

  project(name: string): Project {
    const p = this.state.findProject(name);
    if (!p) throw new Error(`Emulator: no project "${name}".`);
    return p;
  }

  repo(project: string, name: string): GitRepo {
    const r = this.project(project).findRepo(name);
    if (!r) throw new Error(`Emulator: no repository "${name}" in project "${project}".`);
    return r;
  }

  addProject(name: string): ProjectRecord {
    const p = this.state.addProject(name);
    return { id: p.id, name: p.name };
  }

  addRepository(
    project: string,
    name: string,
    opts: { defaultBranch?: string | null; files?: Record<string, string> } = {},
  ): RepositoryRecord {
    const p = this.project(project);
    if (p.reposByName.has(name.toLowerCase()))
      throw new Error(`Emulator: repository "${name}" already exists in "${project}".`);
    const repo = this.state.addRepo(p, name);
    if (opts.defaultBranch !== null) {
      const files = opts.files ?? { "/README.md": `# ${name}\n` };
      const changes = Object.entries(files).map(([path, content]) => ({
        changeType: 1,
        path,
        content: Buffer.from(content),
      }));
      const commit = repo.createCommit(undefined, changes, "Initial commit", {
        ...ANOTHER_USER,
        date: new Date(),
      });
      repo.setRef(fullRef(opts.defaultBranch ?? "main"), commit.commitId);
    }
    return repositoryRecord(repo);
  }

  commitFile(
    project: string,
    repository: string,
    branch: string,
    path: string,
    content: string,
  ): string {
    const repo = this.repo(project, repository);
    const ref = fullRef(branch);
    const head =
      repo.headOf(ref) ?? (repo.defaultBranch ? repo.headOf(repo.defaultBranch) : undefined);
    const exists = head?.files.has(normalizePath(path));
    const commit = repo.createCommit(
      head?.commitId,
      [{ changeType: exists ? 2 : 1, path, content: Buffer.from(content) }],
      `${exists ? "Edit" : "Add"} ${normalizePath(path)}`,
      { ...ANOTHER_USER, date: new Date() },
    );
    repo.setRef(ref, commit.commitId);
    return commit.commitId;
  }

  addQueue(project: string, name: string, opts: { hosted?: boolean } = {}): QueueRecord {
    return { ...this.state.addQueue(this.project(project), name, !!opts.hosted) };
  }

  addDefinition(
    project: string,
    def: {
      name: string;
      path?: string;
      repository: string;
      yamlFilename: string;
      variables?: Record<string, VariableRecord>;
      queue?: string;
    },
  ): DefinitionRecord {
    const p = this.project(project);
    const repo = this.repo(project, def.repository);
    const queue = def.queue ? p.queuesByName.get(def.queue.toLowerCase()) : undefined;
    if (def.queue && !queue)
      throw new Error(`Emulator: no queue "${def.queue}" in project "${project}".`);
    return definitionRecord(
      createDefinition(this.state, p, {
        name: def.name,
        path: def.path,
        repositoryId: repo.id,
        yamlFilename: def.yamlFilename,
        queueId: queue?.id,
        variables: def.variables,
      }),
    );
  }

  addServiceEndpoint(
    project: string,
    ep: {
      name: string;
      type: string;
      url?: string;
      scheme?: string;
      parameters?: Record<string, string>;
      data?: Record<string, string>;
    },
  ): ServiceEndpointRecord {
    const record: ServiceEndpointRecord = {
      id: randomUUID(),
      name: ep.name,
      type: ep.type,
      url: ep.url ?? "",
      authorization: { scheme: ep.scheme ?? "None", parameters: { ...(ep.parameters ?? {}) } },
      data: { ...(ep.data ?? {}) },
      projectIds: [this.project(project).id],
    };
    this.state.endpoints.set(record.id, record);
    return structuredClone(record);
  }

  addRun(project: string, pipelineId: number, run: Partial<RunRecord>): RunRecord {
    const p = this.project(project);
    const def = p.definitions.get(pipelineId);
    if (!def) throw new Error(`Emulator: no pipeline ${pipelineId} in project "${project}".`);
    const repo = this.state.reposById.get(def.repositoryId);
    const refName = def.defaultBranch ?? repo?.defaultBranch ?? "refs/heads/main";
    return runRecord(
      addRun(this.state, p, pipelineId, run, refName, repo?.headOf(refName)?.commitId),
    );
  }

  updateRun(
    project: string,
    pipelineId: number,
    runId: number,
    change: Partial<Pick<RunRecord, "state" | "result" | "finishedDate">>,
  ): RunRecord {
    const run = this.project(project)
      .runs.get(pipelineId)
      ?.find((r) => r.id === runId);
    if (!run)
      throw new Error(`Emulator: no run ${runId} of pipeline ${pipelineId} in "${project}".`);
    Object.assign(run, change);
    return runRecord(run);
  }

  /**
   * Thousands of repositories and definitions, seeded fast (no HTTP, one commit per repository).
   */
  seedBulk(project: string, counts: { repositories?: number; definitions?: number }): void {
    const p = this.project(project);
    const width = 6;
    const repos: GitRepo[] = [];
    const author = { ...ANOTHER_USER, date: new Date() };
    let template: Commit | undefined;
    for (let i = 1; i <= (counts.repositories ?? 0); i++) {
      const repo = this.state.addRepo(p, `bulk-repo-${String(i).padStart(width, "0")}`);
      // Same content in every bulk repository: hash it once, give each repository its own commit
      // id.
      const commit = template
        ? repo.addRootCommitLike(template, author)
        : (template = repo.createCommit(
            undefined,
            [{ changeType: 1, path: "/azure-pipelines.yml", content: Buffer.from("steps: []\n") }],
            "Initial commit",
            author,
          ));
      repo.setRef("refs/heads/main", commit.commitId);
      repos.push(repo);
    }
    const targets = repos.length ? repos : [...p.reposById.values()];
    if ((counts.definitions ?? 0) > 0 && targets.length === 0)
      throw new Error("Emulator: seedBulk needs at least one repository for definitions.");
    for (let i = 1; i <= (counts.definitions ?? 0); i++) {
      createDefinition(this.state, p, {
        name: `bulk-pipeline-${String(i).padStart(width, "0")}`,
        path: i % 2 ? "\\" : `\\bulk-folder-${i % 10}`,
        repositoryId: targets[i % targets.length].id,
        yamlFilename: "azure-pipelines.yml",
      });
    }
  }

  completePullRequest(project: string, repository: string, pullRequestId: number): string {
    const repo = this.repo(project, repository);
    const pr = repo.pullRequests.get(pullRequestId);
    if (!pr || pr.status !== "active")
      throw new Error(`Emulator: no active pull request ${pullRequestId} in "${repository}".`);
    const base = repo.commits.get(pr.targetCommitId)!.files;
    const source = repo.headOf(pr.sourceRefName)?.files ?? new Map();
    const target = repo.headOf(pr.targetRefName);
    if (!target)
      throw new Error(`Emulator: the target branch ${pr.targetRefName} no longer exists.`);
    const changes: FileChange[] = [];
    for (const [path, blob] of source) {
      if (base.get(path)?.objectId === blob.objectId) continue; // unchanged on the source side
      if (target.files.get(path)?.objectId === blob.objectId) continue;
      changes.push({ changeType: target.files.has(path) ? 2 : 1, path, content: blob.content });
    }
    for (const path of base.keys())
      if (!source.has(path) && target.files.has(path)) changes.push({ changeType: 16, path });
    const merged = repo.createCommit(
      target.commitId,
      changes,
      `Merged PR ${pr.pullRequestId}: ${pr.title}`,
      { ...ANOTHER_USER, date: new Date() },
    );
    repo.setRef(pr.targetRefName, merged.commitId);
    pr.status = "completed";
    pr.closedDate = new Date();
    pr.mergeCommitId = merged.commitId;
    return merged.commitId;
  }

  // --- inspection ---

  listRepositories(project: string): RepositoryRecord[] {
    return [...this.project(project).reposById.values()]
      .map(repositoryRecord)
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  getFile(project: string, repository: string, branch: string, path: string): string | undefined {
    return this.repo(project, repository)
      .headOf(fullRef(branch))
      ?.files.get(normalizePath(path))
      ?.content.toString("utf8");
  }

  listCommits(
    project: string,
    repository: string,
    branch: string,
  ): { commitId: string; comment: string }[] {
    const repo = this.repo(project, repository);
    return repo
      .history(repo.refs.get(fullRef(branch)))
      .map((c) => ({ commitId: c.commitId, comment: c.comment }));
  }

  /** Branch names without "refs/heads/", sorted. */
  listBranches(project: string, repository: string): string[] {
    return [...this.repo(project, repository).refs.keys()]
      .filter((r) => r.startsWith("refs/heads/"))
      .map((r) => r.slice(11))
      .sort();
  }

  listDefinitions(project: string): DefinitionRecord[] {
    return [...this.project(project).definitions.values()]
      .sort((a, b) => a.id - b.id)
      .map(definitionRecord);
  }

  listQueues(project: string): QueueRecord[] {
    return [...this.project(project).queues.values()].map((q) => ({ ...q }));
  }

  listServiceEndpoints(project: string): ServiceEndpointRecord[] {
    const id = this.project(project).id;
    return [...this.state.endpoints.values()]
      .filter((e) => e.projectIds.includes(id))
      .map((e) => structuredClone(e));
  }

  listPullRequests(project: string, repository: string): PullRequestRecord[] {
    return [...this.repo(project, repository).pullRequests.values()].map((pr) => ({
      pullRequestId: pr.pullRequestId,
      repositoryId: pr.repositoryId,
      sourceRefName: pr.sourceRefName,
      targetRefName: pr.targetRefName,
      title: pr.title,
      status: pr.status,
    }));
  }

  /** Newest first, as the REST list answers. */
  listRuns(project: string, pipelineId: number): RunRecord[] {
    return [...(this.project(project).runs.get(pipelineId) ?? [])]
      .sort((a, b) => b.id - a.id)
      .map(runRecord);
  }

  pipelinePermissions(
    project: string,
    resourceType: string,
    resourceId: string,
  ): { allPipelines: boolean; pipelineIds: number[] } {
    const auth = this.project(project).authorization(resourceType, resourceId);
    return {
      allPipelines: !!auth.allPipelines,
      pipelineIds: [...auth.pipelines.keys()].sort((a, b) => a - b),
    };
  }
}

function repositoryRecord(repo: GitRepo): RepositoryRecord {
  return {
    id: repo.id,
    name: repo.name,
    projectId: repo.projectId,
    ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
  };
}

function definitionRecord(def: DefinitionRecord): DefinitionRecord {
  return {
    id: def.id,
    name: def.name,
    path: def.path,
    revision: def.revision,
    repositoryId: def.repositoryId,
    yamlFilename: def.yamlFilename,
    ...(def.queueId !== undefined ? { queueId: def.queueId } : {}),
    variables: structuredClone(def.variables),
  };
}

function runRecord(run: RunRecord): RunRecord {
  return {
    id: run.id,
    pipelineId: run.pipelineId,
    state: run.state,
    ...(run.result ? { result: run.result } : {}),
    templateParameters: { ...run.templateParameters },
    variables: structuredClone(run.variables),
    createdDate: run.createdDate,
    ...(run.finishedDate ? { finishedDate: run.finishedDate } : {}),
  };
}
