// What a project set up already chose: the repository its stackspot pipeline runs, and the pool and
// the credentials its managed /stackspot.yml names. An option the caller leaves unset keeps this
// (see resolveOptions); the defaults apply only to what does not exist yet. Pure.
import { PIPELINE_FILE_PATH } from "../contract";
import type { CurrentChoices } from "../options";
import type { PipelineFileSettings } from "../pipelineFile";
import type { ProjectState } from "../read/types";

/** The settings the managed file expresses; none for a file someone edited or none at all. */
export function fileSettings(state: ProjectState | undefined): PipelineFileSettings | undefined {
  const file = state?.file?.classification;
  return file && (file.kind === "current" || file.kind === "upgradable")
    ? file.settings
    : undefined;
}

/**
 * The choices a project holds. Only a pipeline on StackSpot's file, at the root, tells which
 * repository the set-up uses: one on another file is a pipeline to take over, not a choice to keep.
 */
export function currentChoices(
  state: ProjectState | undefined,
  settings: PipelineFileSettings | undefined = fileSettings(state),
): CurrentChoices {
  const pipeline = state?.pipelinesNamedStackspot.find(
    (d) =>
      d.repositoryName &&
      (d.path === "\\" || d.path === "") &&
      d.yamlFilename?.toLowerCase() === PIPELINE_FILE_PATH,
  );
  return {
    ...(pipeline?.repositoryName ? { repository: pipeline.repositoryName } : {}),
    ...(settings ? { pool: settings.pool, credentials: settings.credentials } : {}),
  };
}
