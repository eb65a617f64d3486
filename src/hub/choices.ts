// What the Options form offers: the project's repositories, its self-hosted agent queues and its
// StackSpot service connections. One wave of three parallel reads.
import type { AdoClients } from "../ado";
import { contract } from "../setup";
import type { Choices } from "./hubOptions";

const byName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "base" });

export async function listChoices(clients: AdoClients, project: string): Promise<Choices> {
  // A list the user may not read offers nothing to choose; the checklist, read separately, says
  // what is missing and which permission it takes.
  const orNone = <T>(p: Promise<T[]>) => p.catch((): T[] => []);
  const [repositories, queues, connections] = await Promise.all([
    orNone(clients.git.getRepositories(project)),
    orNone(clients.taskAgent.getAgentQueues(project)),
    orNone(clients.serviceEndpoint.getServiceEndpoints(project, contract.SERVICE_CONNECTION_TYPE)),
  ]);
  return {
    repositories: repositories.map((r) => r.name).sort(byName),
    // The hosted queue is offered as "Azure Pipelines (Microsoft-hosted)" on its own.
    selfHostedQueues: queues
      .filter((q) => !q.pool?.isHosted && q.name !== contract.HOSTED_QUEUE_NAME)
      .map((q) => q.name)
      .sort(byName),
    connections: connections
      .filter((c) => c.type === contract.SERVICE_CONNECTION_TYPE)
      .map((c) => c.name)
      .sort(byName),
  };
}
