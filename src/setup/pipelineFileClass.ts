// Classifies any /stackspot.yml, parsing YAML where the header cannot settle it (a foreign file: is
// it StackSpot's hand-written one? a managed file of an older format: which settings?). The YAML
// library lives only here, so the hub loads it only when such a file turns up (see
// classifyPipelineFileLazily).
import { parseDocument } from "yaml";
import { RESUME_TASK } from "./contract";
import type { PoolOption } from "./options";
import {
  classifyFromHeader,
  PIPELINE_FILE_FORMAT,
  splitManagedFile,
  type PipelineFileClass,
  type PipelineFileSettings,
} from "./pipelineFile";
import { sha256Hex } from "./sha256";

export function classifyPipelineFile(content: string): PipelineFileClass {
  const quick = classifyFromHeader(content);
  if (quick) return quick;
  const file = splitManagedFile(content);
  if (!("body" in file))
    return { kind: "foreign", stackspotLike: declaresWorkflowParameter(file.text) };
  const { formatVersion, body } = file;
  if (sha256Hex(body) !== file.hash) return { kind: "edited", formatVersion };
  if (formatVersion > PIPELINE_FILE_FORMAT) return { kind: "newer", formatVersion };
  const settings = readSettings(body);
  return formatVersion === PIPELINE_FILE_FORMAT
    ? { kind: "current", formatVersion, settings }
    : { kind: "upgradable", formatVersion, settings };
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined;
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  return doc.errors.length ? undefined : doc.toJS();
}

function declaresWorkflowParameter(text: string): boolean {
  const root = asObject(parseYaml(text));
  return asArray(root?.parameters).some((p) => asObject(p)?.name === "workflow_execution_id");
}

/**
 * Reads pool and credentials back from one of our bodies (undefined when the shape is unexpected).
 */
function readSettings(body: string): PipelineFileSettings | undefined {
  const root = asObject(parseYaml(body));
  const job = asObject(asArray(asObject(asArray(root?.stages)[0])?.jobs)[0]);
  const pool = asObject(job?.pool);
  const step = asArray(job?.steps)
    .map(asObject)
    .find((s) => s?.task === RESUME_TASK);
  const inputs = asObject(step?.inputs);
  if (!pool || !inputs) return undefined;
  const poolOption: PoolOption | undefined =
    typeof pool.vmImage === "string"
      ? { kind: "hosted" }
      : typeof pool.name === "string"
        ? { kind: "self-hosted", queue: pool.name }
        : undefined;
  const connection = inputs.stackspotServiceConnection;
  const credentials =
    typeof connection === "string"
      ? { kind: "service-connection" as const, name: connection }
      : typeof inputs.clientKey === "string"
        ? { kind: "variables" as const }
        : undefined;
  return poolOption && credentials ? { pool: poolOption, credentials } : undefined;
}
