// What a step changes, as from → to: "Agent pool: Microsoft-hosted ubuntu-latest → self-hosted
// "Linux agents"", "/stackspot.yml: as it is → as generated". Carried on the plan's steps so that
// the hub and the CLI show the same thing; every step says what stands before it and after. Pure.
import { HOSTED_VM_IMAGE, PIPELINE_FILE_PATH, PIPELINE_NAME } from "../contract";
import type { PoolOption, ResolvedOptions } from "../options";
import type { PipelineFileSettings } from "../pipelineFile";
import type { StepChange } from "./types";

export function describePool(pool: PoolOption): string {
  return pool.kind === "hosted"
    ? `Microsoft-hosted ${HOSTED_VM_IMAGE}`
    : `self-hosted pool "${pool.queue}"`;
}

export function describeCredentials(c: PipelineFileSettings["credentials"]): string {
  return c.kind === "service-connection"
    ? `service connection "${c.name}"`
    : "secret pipeline variables";
}

/** "Agent pool: A → B" as one line. */
export function changeLine(c: StepChange): string {
  return `${c.what}: ${c.from} → ${c.to}`;
}

const samePool = (a: PoolOption, b: PoolOption) =>
  a.kind === b.kind &&
  (a.kind === "hosted" ||
    (b.kind === "self-hosted" && a.queue.toLowerCase() === b.queue.toLowerCase()));

/** The settings a rewrite of the managed file changes, then the file itself. */
export function fileRewriteChanges(
  old: PipelineFileSettings | undefined,
  o: ResolvedOptions,
  from: string,
): StepChange[] {
  const now: PipelineFileSettings["credentials"] =
    o.credentials.kind === "service-connection"
      ? { kind: "service-connection", name: o.credentials.name }
      : { kind: "variables" };
  const settings: StepChange[] = [];
  if (old && !samePool(old.pool, o.pool))
    settings.push({ what: "Agent pool", from: describePool(old.pool), to: describePool(o.pool) });
  if (old && describeCredentials(old.credentials) !== describeCredentials(now))
    settings.push({
      what: "Credentials",
      from: describeCredentials(old.credentials),
      to: describeCredentials(now),
    });
  return [...settings, { what: PIPELINE_FILE_PATH, from, to: "as generated" }];
}

export const created = (what: string, to: string): StepChange[] => [{ what, from: "none", to }];

export const authorized = (what: string): StepChange[] => [
  { what, from: "waits for an approval on the first run", to: "allowed without approval" },
];

/** The pipeline's name, folder and file, as they are and as they will be. */
export function pipelineChanges(
  target: { name: string; path: string; repositoryName?: string; yamlFilename?: string },
  r: { rename: boolean; moveToRoot: boolean; repoint: boolean },
  repository: string,
): StepChange[] {
  const runs = `${target.repositoryName ?? "another repository"} ${target.yamlFilename ?? ""}`;
  return [
    ...(r.rename ? [{ what: "Name", from: `"${target.name}"`, to: `"${PIPELINE_NAME}"` }] : []),
    ...(r.moveToRoot ? [{ what: "Folder", from: target.path, to: "\\" }] : []),
    ...(r.repoint
      ? [{ what: "File", from: runs.trim(), to: `${repository} ${PIPELINE_FILE_PATH}` }]
      : []),
  ];
}
