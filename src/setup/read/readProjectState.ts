// The read stage. It reads what the planner needs in two waves of parallel requests, whatever the
// size of the project: everything is looked up by name (never by listing every repository or
// definition).
//   wave 1 (firstWave.ts): project, repository by name, definitions named "stackspot", definitions
//           on /stackspot.yml, the agent queue by name, the service connection by name;
//   wave 2 (secondWave.ts): the default branch's head, the file, an open set-up pull request, and
//           which pipelines may use the connection and the queue.
// Permission checks ride the same waves: the project-wide ones in wave 1 when the project id is
// known in advance, the ones on the objects wave 1 found in wave 2 when wave 2 reads anything
// anyway. A set-up's read (readStateForSetup) always makes them; a status read (readProjectState)
// makes them when the project id is given, so that the checklist shows a missing permission before
// anyone presses Set up — at no extra round trip, and a fixed number of checks whatever the
// project's size.
import type { AdoClients } from "../../ado";
import { resolveOptions, ResolvedOptions, SetupOptions } from "../options";
import { mergeResults } from "../permissions/checks";
import { currentChoices } from "../plan/currentChoices";
import { FirstWave, readFirstWave } from "./firstWave";
import { readSecondWave, SecondWave } from "./secondWave";
import type { ProjectState } from "./types";

export async function readProjectState(
  clients: AdoClients,
  options: SetupOptions,
): Promise<ProjectState> {
  return (await readResolved(clients, options, options.projectId !== undefined)).state;
}

/**
 * The same reads, with the permission checks a set-up needs riding along (see the top of this
 * file), and the options resolved against what the project has.
 */
export async function readStateForSetup(
  clients: AdoClients,
  options: SetupOptions,
): Promise<{ state: ProjectState; o: ResolvedOptions }> {
  return readResolved(clients, options, true);
}

/**
 * Options left unset keep what the project has (resolveOptions with currentChoices): the state is
 * read for the defaults first; when the project holds other choices, it is read again for those, so
 * that the planner judges the real set-up. The repository comes from the pipeline, the pool and the
 * credentials from the file in that repository, so a set-up in another repository with other
 * settings takes a third read. A project with nothing yet, or one on the defaults, is read once.
 */
async function readResolved(
  clients: AdoClients,
  options: SetupOptions,
  withChecks: boolean,
): Promise<{ state: ProjectState; o: ResolvedOptions }> {
  let o = resolveOptions(options);
  let state = await readState(clients, o, withChecks);
  for (let reads = 1; reads < 3; reads++) {
    const next = resolveOptions(options, currentChoices(state));
    if (lookups(next) === lookups(o)) return { state, o: next };
    o = next;
    state = await readState(clients, o, withChecks);
  }
  return { state, o: resolveOptions(options, currentChoices(state)) };
}

/** What the reads look up by name: the same lookups read the same state. */
function lookups(o: ResolvedOptions): string {
  const c = o.credentials;
  const connection = c.kind === "service-connection" ? c.name : null;
  return JSON.stringify([o.repository, o.queueName, connection]);
}

async function readState(
  clients: AdoClients,
  o: ResolvedOptions,
  withChecks: boolean,
): Promise<ProjectState> {
  // One barrier between the waves: the second starts when the whole first is in, so the status
  // check is two round trips on any connection (and reads the same way every time).
  const first = await readFirstWave(clients, o, withChecks);
  const second = await readSecondWave(clients, o, first, withChecks);
  return projectState(first, second, withChecks);
}

function projectState(first: FirstWave, second: SecondWave, withChecks: boolean): ProjectState {
  const { project, repository: repo, connection, queue } = first;
  const permissions = withChecks
    ? (mergeResults(first.permissions, second.permissions) ?? { answers: {} })
    : undefined;
  return {
    project: { id: project.id, name: project.name },
    ...(first.extensionInstalled !== undefined
      ? { extensionInstalled: first.extensionInstalled }
      : {}),
    repository: repo
      ? {
          id: repo.id,
          name: repo.name,
          defaultBranch: repo.defaultBranch || null,
          headObjectId: second.head,
          webUrl: repo.webUrl,
        }
      : null,
    file: second.file,
    pipelinesNamedStackspot: first.named,
    pipelinesOnFile: first.onFile,
    queue: queue ? { id: queue.id, name: queue.name } : null,
    serviceConnection:
      connection === undefined
        ? undefined
        : connection === null
          ? null
          : {
              id: connection.id,
              name: connection.name,
              type: connection.type,
              isReady: connection.isReady,
            },
    endpointPermissions: second.endpointPermissions,
    queuePermissions: second.queuePermissions,
    pullRequest: second.pullRequest,
    ...(permissions ? { permissions } : {}),
  };
}
