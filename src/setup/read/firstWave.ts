// The first wave of reads: everything looked up by name, all at once (see readProjectState.ts).
import type { TeamProject } from "azure-devops-extension-api/Core/Core";
import type { GitRepository } from "azure-devops-extension-api/Git/Git";
import type { ServiceEndpoint } from "azure-devops-extension-api/ServiceEndpoint/ServiceEndpoint";
import type { TaskAgentQueue } from "azure-devops-extension-api/TaskAgent/TaskAgent";
import {
  AdoClients,
  listDefinitionsByName,
  listDefinitionsByYamlFile,
  NotFoundError,
} from "../../ado";
import { PIPELINE_FILE_PATH, PIPELINE_NAME, SERVICE_CONNECTION_TYPE } from "../contract";
import type { ResolvedOptions } from "../options";
import { projectProbes, runChecks } from "../permissions/checks";
import { orNull, sameId, sameName, toDefinitionState } from "./reads";
import type { DefinitionState, PermissionResults } from "./types";

export interface FirstWave {
  project: TeamProject;
  repository: GitRepository | null;
  /** Definitions named "stackspot" (any folder). */
  named: DefinitionState[];
  /** Definitions on /stackspot.yml of this repository (any name). */
  onFile: DefinitionState[];
  queue: TaskAgentQueue | null;
  /** undefined when the credentials are pipeline variables; null when there is none of the name. */
  connection: ServiceEndpoint | null | undefined;
  /** The project-wide permission checks, when they rode along. */
  permissions?: PermissionResults;
  /** undefined: the endpoint types could not be read. */
  extensionInstalled?: boolean;
}

/** The service connection the options name, if the credentials live in one. */
export function connectionNameOf(o: ResolvedOptions): string | undefined {
  return o.credentials.kind === "service-connection" ? o.credentials.name : undefined;
}

export async function readFirstWave(
  clients: AdoClients,
  o: ResolvedOptions,
  withChecks: boolean,
): Promise<FirstWave> {
  const project = o.project;
  const connectionName = connectionNameOf(o);
  const extension = readExtensionInstalled(clients);
  const [proj, repository, named, onFile, queue, connection, probed] = await Promise.all([
    readProject(clients, project),
    orNull(clients.git.getRepository(o.repository, project)),
    listDefinitionsByName(clients.build, project, PIPELINE_NAME),
    listDefinitionsByYamlFile(clients.build, project, PIPELINE_FILE_PATH),
    readQueue(clients, project, o.queueName),
    readConnection(clients, project, connectionName),
    withChecks && o.projectId
      ? runChecks(clients, projectProbes(o.projectId, connectionName !== undefined))
      : Promise.resolve(undefined),
  ]);
  return {
    project: proj,
    repository,
    named: named.map(toDefinitionState),
    onFile: onFile
      .filter((d) => repository && sameId(d.repository?.id, repository.id))
      .map(toDefinitionState),
    queue,
    connection,
    extensionInstalled: await extension,
    // Checks made for another project (a wrong id given) answer nothing about this one.
    ...(probed && sameId(o.projectId, proj.id) ? { permissions: probed } : {}),
  };
}

function readProject(clients: AdoClients, project: string): Promise<TeamProject> {
  return clients.core.getProject(project).catch((e) => {
    throw e instanceof NotFoundError
      ? new NotFoundError(
          `the project "${project}"`,
          e.details,
          "Check the project name and that you are a member of the project.",
        )
      : e;
  });
}

async function readQueue(
  clients: AdoClients,
  project: string,
  queueName: string,
): Promise<TaskAgentQueue | null> {
  const queues = await clients.taskAgent.getAgentQueues(project, queueName);
  return queues.find((q) => sameName(q.name, queueName)) ?? null;
}

async function readConnection(
  clients: AdoClients,
  project: string,
  name: string | undefined,
): Promise<ServiceEndpoint | null | undefined> {
  if (name === undefined) return undefined;
  const endpoints = await clients.serviceEndpoint.getServiceEndpointsByNames(project, [name]);
  return endpoints.find((e) => sameName(e.name, name)) ?? null;
}

/**
 * Whether the "stackspot" service connection type exists, which only the extension contributes. A
 * read that fails answers undefined: the check never fails a read.
 */
export async function readExtensionInstalled(clients: AdoClients): Promise<boolean | undefined> {
  try {
    const types = await clients.serviceEndpoint.getServiceEndpointTypes(SERVICE_CONNECTION_TYPE);
    return types.some((t) => sameName(t.name, SERVICE_CONNECTION_TYPE));
  } catch {
    return undefined;
  }
}
