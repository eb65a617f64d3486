// The second wave of reads: what the first one found leads to (see readProjectState.ts).
import type { AdoClients, ResourcePipelinePermissions } from "../../ado";
import type { ResolvedOptions } from "../options";
import { objectProbes, PermissionCheck, runChecks } from "../permissions/checks";
import { definitionToUpdate } from "../plan/pipelineVerdict";
import type { FirstWave } from "./firstWave";
import { readBranchHead, readFile, readPermissions, readSetupPullRequest } from "./reads";
import type { PermissionResults, PipelineFileState, PullRequestState } from "./types";

export interface SecondWave {
  /** The default branch's head commit. */
  head: string | null;
  file: PipelineFileState | null;
  pullRequest: PullRequestState | null;
  endpointPermissions?: ResourcePipelinePermissions | null;
  queuePermissions?: ResourcePipelinePermissions | null;
  /** The checks on the objects the first wave found, when they rode along. */
  permissions?: PermissionResults;
}

export async function readSecondWave(
  clients: AdoClients,
  o: ResolvedOptions,
  first: FirstWave,
  withChecks: boolean,
): Promise<SecondWave> {
  const { project } = o;
  const { repository: repo, connection, queue } = first;
  const branch = repo?.defaultBranch || null;
  const pipelineExists = first.named.length > 0 || first.onFile.length > 0;
  const checks = withChecks ? objectChecks(o, first) : [];
  const none = Promise.resolve(null);
  const [head, file, pullRequest, endpointPermissions, queuePermissions, permissions] =
    await Promise.all([
      repo && branch ? readBranchHead(clients, project, repo.id, branch) : none,
      repo && branch ? readFile(clients, project, repo.id, branch) : none,
      repo && branch ? readSetupPullRequest(clients, project, repo.id, branch) : none,
      pipelineExists && connection
        ? readPermissions(clients, project, "endpoint", connection.id)
        : Promise.resolve(undefined),
      pipelineExists && queue
        ? readPermissions(clients, project, "queue", String(queue.id))
        : Promise.resolve(undefined),
      checks.length ? runChecks(clients, checks) : Promise.resolve(undefined),
    ]);
  return { head, file, pullRequest, endpointPermissions, queuePermissions, permissions };
}

/**
 * The checks on the repository and on the pipeline the set-up will update; they ride along only
 * when the wave reads something anyway (they must not cost a round trip of their own).
 */
function objectChecks(o: ResolvedOptions, first: FirstWave): PermissionCheck[] {
  const { repository: repo, connection, queue } = first;
  const branch = repo?.defaultBranch || null;
  const pipelineExists = first.named.length > 0 || first.onFile.length > 0;
  const wavesReads = !!(repo && branch) || (pipelineExists && !!(connection || queue));
  if (!wavesReads) return [];
  const toUpdate = pipelineExists
    ? definitionToUpdate(
        {
          repository: repo
            ? { id: repo.id, name: repo.name, defaultBranch: branch, headObjectId: null }
            : null,
          pipelinesNamedStackspot: first.named,
          pipelinesOnFile: first.onFile,
        },
        o,
      )
    : undefined;
  return objectProbes(first.project.id, {
    repositoryId: repo && branch ? repo.id : undefined,
    definitions: toUpdate ? [toUpdate] : [],
  });
}
