// The project as it stands after a run, without reading it again: the state read before the
// changes, updated with what each step made as the service answered it (the repository and its id,
// the file pushed and its commit, the pipeline as created or updated, the connection, the
// authorizations). Planning over it gives the checklist to show after the set-up; a fresh read
// would give the same (tests/setup/after.test.ts compares the two).
import type { StepResults } from "../apply/steps/context";
import { PIPELINE_NAME } from "../contract";
import { classifyPipelineFileLazily } from "../pipelineFile";
import { runsOurFile } from "../plan/pipelineVerdict";
import type { ProjectState, PullRequestState, RepositoryState } from "./types";

export interface RunOutputs {
  repository?: RepositoryState;
  pullRequest?: PullRequestState;
  made: StepResults;
}

export async function stateAfter(before: ProjectState, run: RunOutputs): Promise<ProjectState> {
  const { made } = run;
  let repository = run.repository ?? before.repository;
  if (
    repository &&
    made.file &&
    made.file.branch === (repository.defaultBranch ?? made.file.branch)
  ) {
    // The first push to an empty repository makes its branch the default one.
    repository = {
      ...repository,
      defaultBranch: made.file.branch,
      headObjectId: made.file.commitId,
    };
  }
  let named = before.pipelinesNamedStackspot;
  let onFile = before.pipelinesOnFile;
  const d = made.definition;
  if (d) {
    named = named.filter((x) => x.id !== d.id);
    onFile = onFile.filter((x) => x.id !== d.id);
    if (d.name.toLowerCase() === PIPELINE_NAME) named = [...named, d];
    if (runsOurFile(d, repository)) onFile = [...onFile, d];
  }
  const { permissions: _checked, ...rest } = before;
  return {
    ...rest,
    repository,
    file: made.file
      ? {
          content: made.file.content,
          classification: await classifyPipelineFileLazily(made.file.content),
        }
      : before.file,
    pipelinesNamedStackspot: named,
    pipelinesOnFile: onFile,
    serviceConnection: made.endpoint ?? before.serviceConnection,
    endpointPermissions: made.endpointPermissions ?? before.endpointPermissions,
    queuePermissions: made.queuePermissions ?? before.queuePermissions,
    pullRequest: run.pullRequest ?? before.pullRequest,
  };
}
