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

/** What the second wave depends on, from the first one's answers. */
interface Found {
  /** The repository and its default branch, when it has one (an empty repository has none). */
  onBranch?: { repositoryId: string; branch: string; webUrl?: string };
  pipelineExists: boolean;
}

function found(first: FirstWave): Found {
  const repo = first.repository;
  const branch = repo?.defaultBranch || null;
  return {
    ...(repo && branch ? { onBranch: { repositoryId: repo.id, branch, webUrl: repo.webUrl } } : {}),
    pipelineExists: first.named.length > 0 || first.onFile.length > 0,
  };
}

export async function readSecondWave(
  clients: AdoClients,
  o: ResolvedOptions,
  first: FirstWave,
  withChecks: boolean,
): Promise<SecondWave> {
  const { project } = o;
  const { connection, queue } = first;
  const { onBranch, pipelineExists } = found(first);
  const checks = withChecks ? objectChecks(o, first) : [];
  const none = Promise.resolve(null);
  const [head, file, pullRequest, endpointPermissions, queuePermissions, permissions] =
    await Promise.all([
      onBranch ? readBranchHead(clients, project, onBranch.repositoryId, onBranch.branch) : none,
      onBranch ? readFile(clients, project, onBranch.repositoryId, onBranch.branch) : none,
      onBranch
        ? readSetupPullRequest(
            clients,
            project,
            { id: onBranch.repositoryId, webUrl: onBranch.webUrl },
            onBranch.branch,
          )
        : none,
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
  const { onBranch, pipelineExists } = found(first);
  const wavesReads = !!onBranch || (pipelineExists && !!(connection || queue));
  if (!wavesReads) return [];
  const toUpdate = pipelineExists
    ? definitionToUpdate(
        {
          repository: repo
            ? {
                id: repo.id,
                name: repo.name,
                defaultBranch: repo.defaultBranch || null,
                headObjectId: null,
              }
            : null,
          pipelinesNamedStackspot: first.named,
          pipelinesOnFile: first.onFile,
        },
        o,
      )
    : undefined;
  return objectProbes(first.project.id, {
    repositoryId: onBranch?.repositoryId,
    definitions: toUpdate ? [toUpdate] : [],
    ...(queue ? { queueId: queue.id } : {}),
  });
}
