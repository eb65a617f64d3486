// The emulator's in-memory organization. Every lookup by name or id goes through a Map, so a
// project with thousands of repositories and definitions answers as fast as a small one.
import { randomUUID } from "node:crypto";
import type {
  DefinitionRecord,
  Permission,
  QueueRecord,
  RunRecord,
  ServiceBehaviour,
  ServiceEndpointRecord,
} from "./types";
import { GitRepo } from "./gitStore";

export interface Identity {
  id: string;
  displayName: string;
  uniqueName: string;
  descriptor: string;
}

export interface StoredDefinition extends DefinitionRecord {
  projectId: string;
  createdDate: Date;
  /** Branch the pipeline builds by default (full ref), as sent in repository.defaultBranch. */
  defaultBranch?: string;
  /**
   * Properties the client sent that the emulator keeps but does not interpret (triggers,
   * options...).
   */
  extra: Record<string, unknown>;
}

export interface StoredRun extends RunRecord {
  name: string;
  refName: string;
  version?: string;
}

export interface ResourceAuthorization {
  allPipelines?: { authorizedOn: Date };
  pipelines: Map<number, { authorizedOn: Date }>;
}

export interface Pool {
  id: number;
  name: string;
  isHosted: boolean;
}

export class Project {
  readonly reposById = new Map<string, GitRepo>();
  readonly reposByName = new Map<string, GitRepo>();
  readonly queues = new Map<number, QueueRecord>();
  readonly queuesByName = new Map<string, QueueRecord>();
  readonly definitions = new Map<number, StoredDefinition>();
  /** "folder\0name" (lower case) → definition: names are unique within a folder. */
  readonly definitionsByFolderName = new Map<string, StoredDefinition>();
  /** name (lower case) → definitions with that name in any folder. */
  readonly definitionsByName = new Map<string, Set<StoredDefinition>>();
  readonly runs = new Map<number, StoredRun[]>();
  readonly authorizations = new Map<string, ResourceAuthorization>();
  readonly lastUpdateTime = new Date();
  readonly teamId = randomUUID();
  revision = 1;

  constructor(
    readonly id: string,
    readonly name: string,
  ) {}

  addRepo(repo: GitRepo): void {
    this.reposById.set(repo.id, repo);
    this.reposByName.set(repo.name.toLowerCase(), repo);
  }

  /** A repository by GUID or by name (case-insensitive), as the service resolves {repositoryId}. */
  findRepo(idOrName: string): GitRepo | undefined {
    return (
      this.reposById.get(idOrName.toLowerCase()) ?? this.reposByName.get(idOrName.toLowerCase())
    );
  }

  indexDefinition(def: StoredDefinition): void {
    this.definitions.set(def.id, def);
    this.definitionsByFolderName.set(folderKey(def.path, def.name), def);
    const key = def.name.toLowerCase();
    const set = this.definitionsByName.get(key) ?? new Set();
    set.add(def);
    this.definitionsByName.set(key, set);
  }

  unindexDefinition(def: StoredDefinition): void {
    this.definitionsByFolderName.delete(folderKey(def.path, def.name));
    this.definitionsByName.get(def.name.toLowerCase())?.delete(def);
  }

  authorization(resourceType: string, resourceId: string): ResourceAuthorization {
    const key = `${resourceType.toLowerCase()}/${resourceId.toLowerCase()}`;
    let auth = this.authorizations.get(key);
    if (!auth) {
      auth = { pipelines: new Map() };
      this.authorizations.set(key, auth);
    }
    return auth;
  }
}

export function folderKey(path: string, name: string): string {
  return `${normalizeFolder(path).toLowerCase()}\u0000${name.toLowerCase()}`;
}

/** The service writes folders with backslashes, rooted at "\\", without a trailing separator. */
export function normalizeFolder(path: string | undefined): string {
  const p = ("\\" + (path ?? "").replace(/\//g, "\\")).replace(/\\+/g, "\\");
  return p.length > 1 && p.endsWith("\\") ? p.slice(0, -1) : p;
}

export class State {
  readonly projectsById = new Map<string, Project>();
  readonly projectsByName = new Map<string, Project>();
  readonly reposById = new Map<string, GitRepo>();
  readonly pools = new Map<number, Pool>();
  readonly poolsByName = new Map<string, Pool>();
  readonly endpoints = new Map<string, ServiceEndpointRecord>();
  /** Permissions denied in every project. */
  readonly denied = new Set<Permission>();
  /** Permissions denied in one project only: project id → permissions. */
  readonly deniedIn = new Map<string, Set<Permission>>();
  /**
   * Service connections the played user created over REST. The service makes the creator an
   * Administrator of the connection ("The user who creates the service connection is automatically
   * assigned the Administrator role for that service connection", learn.microsoft.com, service
   * connection security), so a project-wide denial of that role does not reach them.
   */
  readonly endpointsCreatedByUser = new Set<string>();
  readonly user: Identity;
  /** How the played service behaves (types.ts, ServiceBehaviour). */
  readonly behaviour: ServiceBehaviour = {
    edition: "services",
    missingScopes: [],
    extensionInstalled: true,
    permissionsApiDenied: false,
    yamlFileRequiredOnCreate: false,
  };
  private nextQueueId = 1;
  private nextPoolId = 1;
  private nextDefinitionId = 1;
  private nextRunId = 1;
  private nextPushId = 1;
  private nextPullRequestId = 1;

  constructor(userName: string) {
    this.user = {
      id: randomUUID(),
      displayName: userName,
      uniqueName: `${userName.toLowerCase().replace(/[^a-z0-9]+/g, ".")}@example.com`,
      descriptor: `aad.${Buffer.from(userName).toString("base64url")}`,
    };
    this.pool("Azure Pipelines", true);
  }

  /** Is the permission denied, everywhere or in this project? */
  isDenied(permission: Permission, projectId?: string): boolean {
    if (this.denied.has(permission)) return true;
    return (
      projectId !== undefined &&
      (this.deniedIn.get(projectId.toLowerCase())?.has(permission) ?? false)
    );
  }

  deny(permission: Permission, projectId?: string): void {
    if (projectId === undefined) {
      this.denied.add(permission);
      return;
    }
    const set = this.deniedIn.get(projectId.toLowerCase()) ?? new Set<Permission>();
    set.add(permission);
    this.deniedIn.set(projectId.toLowerCase(), set);
  }

  allow(permission: Permission, projectId?: string): void {
    if (projectId === undefined) this.denied.delete(permission);
    else this.deniedIn.get(projectId.toLowerCase())?.delete(permission);
  }

  newDefinitionId(): number {
    return this.nextDefinitionId++;
  }
  newRunId(): number {
    return this.nextRunId++;
  }
  newPushId(): number {
    return this.nextPushId++;
  }
  newPullRequestId(): number {
    return this.nextPullRequestId++;
  }

  /** A project by GUID or name (case-insensitive), as {project} in a route resolves. */
  findProject(idOrName: string): Project | undefined {
    return (
      this.projectsById.get(idOrName.toLowerCase()) ??
      this.projectsByName.get(idOrName.toLowerCase())
    );
  }

  addProject(name: string): Project {
    if (this.projectsByName.has(name.toLowerCase()))
      throw new Error(`Project ${name} already exists in the emulator.`);
    const project = new Project(randomUUID(), name);
    this.projectsById.set(project.id, project);
    this.projectsByName.set(name.toLowerCase(), project);
    // Every new project gets the Microsoft-hosted queue, open to all pipelines.
    const hosted = this.addQueue(project, "Azure Pipelines", true);
    project.authorization("queue", String(hosted.id)).allPipelines = { authorizedOn: new Date() };
    return project;
  }

  addRepo(project: Project, name: string): GitRepo {
    const repo = new GitRepo(randomUUID(), name, project.id);
    project.addRepo(repo);
    this.reposById.set(repo.id, repo);
    return repo;
  }

  pool(name: string, isHosted: boolean): Pool {
    const existing = this.poolsByName.get(name.toLowerCase());
    if (existing) return existing;
    const pool = { id: this.nextPoolId++, name, isHosted };
    this.pools.set(pool.id, pool);
    this.poolsByName.set(name.toLowerCase(), pool);
    return pool;
  }

  addQueue(project: Project, name: string, hosted: boolean): QueueRecord {
    if (project.queuesByName.has(name.toLowerCase()))
      throw new Error(`Queue ${name} already exists in ${project.name}.`);
    const pool = this.pool(name, hosted);
    const queue: QueueRecord = {
      id: this.nextQueueId++,
      name,
      poolId: pool.id,
      hosted: pool.isHosted,
    };
    project.queues.set(queue.id, queue);
    project.queuesByName.set(name.toLowerCase(), queue);
    return queue;
  }
}
