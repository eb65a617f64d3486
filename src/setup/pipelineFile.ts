// Writes /stackspot.yml exactly as the StackSpot contract says, and classifies an existing one.
//
// The first line is a header comment that marks the file as managed, carries the format version and
// the SHA-256 of everything after that line. A file whose hash no longer matches was edited by
// someone: the set-up leaves it alone unless told to replace it.
import { parseDocument } from "yaml";
import { CREDENTIAL_VARIABLES, HOSTED_VM_IMAGE, RESUME_TASK, DEFAULT_SERVICE_CONNECTION_NAME } from "./contract";
import type { CredentialsOption, PoolOption, SetupOptions } from "./options";
import { sha256Hex } from "./sha256";

/** The format this version of the product writes. Raise it whenever the body's shape changes. */
export const PIPELINE_FILE_FORMAT = 1;

const HEADER = /^# Managed by StackSpot for Azure DevOps \(format (\d+), sha256:([0-9a-f]{64})\)$/;

/** The settings a pipeline file expresses: where it runs and where it reads credentials. */
export interface PipelineFileSettings {
  pool: PoolOption;
  credentials: { kind: "service-connection"; name: string } | { kind: "variables" };
}

export type PipelineFileClass =
  /** Written by this product in the current format, untouched since. */
  | { kind: "current"; formatVersion: number; settings?: PipelineFileSettings }
  /** Written by this product in an older format, untouched since: safe to upgrade. */
  | { kind: "upgradable"; formatVersion: number; settings?: PipelineFileSettings }
  /** Written by a newer version of this product: leave it to that version. */
  | { kind: "newer"; formatVersion: number }
  /** Written by this product, then edited by someone: never overwritten unless asked. */
  | { kind: "edited"; formatVersion: number }
  /** Not written by this product (e.g. the manual's hand-written file). `stackspotLike` when it declares workflow_execution_id. */
  | { kind: "foreign"; stackspotLike: boolean };

/** Single-quoted YAML scalar: only the quote itself needs escaping (names never hold line breaks). */
function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function poolLines(pool: PoolOption): string[] {
  return pool.kind === "hosted"
    ? ["        pool:", `          vmImage: ${quote(HOSTED_VM_IMAGE)}`]
    : ["        pool:", `          name: ${quote(pool.queue)}`];
}

function credentialLines(credentials: CredentialsOption): string[] {
  return credentials.kind === "service-connection"
    ? [`              stackspotServiceConnection: ${quote(credentials.name)}`]
    : [
        `              clientId: $(${CREDENTIAL_VARIABLES.clientId})`,
        `              clientKey: $(${CREDENTIAL_VARIABLES.clientKey})`,
        `              realm: $(${CREDENTIAL_VARIABLES.realm})`,
      ];
}

/** The file's body (everything after the header line) for the given settings. */
export function renderPipelineBody(options: Pick<SetupOptions, "pool" | "credentials">): string {
  const pool = options.pool ?? { kind: "hosted" };
  const credentials = options.credentials ?? { kind: "service-connection", name: DEFAULT_SERVICE_CONNECTION_NAME };
  return [
    "# Set up by the StackSpot hub (Pipelines → StackSpot), which keeps it current. StackSpot queues the",
    "# pipeline \"stackspot\" on this file. If you edit it, the hub leaves your version alone.",
    "",
    "trigger: none",
    "",
    "pr: none",
    "",
    "parameters:",
    "  - name: workflow_execution_id",
    "    displayName: Workflow Execution ID",
    "    type: string",
    "    default: ''",
    "",
    "  - name: workflow_inputs",
    "    displayName: Workflow Inputs",
    "    type: string",
    "    default: ''",
    "",
    "variables:",
    "  LANG: 'C.UTF-8'",
    "  LANGUAGE: 'C.UTF-8'",
    "  LC_ALL: 'C.UTF-8'",
    "  PYTHONIOENCODING: 'utf-8'",
    "  HTTP_ENABLE_DEBUG: 'false'",
    "",
    "stages:",
    "  - stage: ResumeWorkflow",
    "    displayName: Stackspot Resume Workflow",
    "    jobs:",
    "      - job: RunWorkflow",
    "        displayName: Run workflow",
    ...poolLines(pool),
    "        steps:",
    `          - task: ${RESUME_TASK}`,
    "            displayName: '[StackSpot] Resume workflow'",
    "            inputs:",
    "              executionId: ${{ parameters.workflow_execution_id }}",
    ...credentialLines(credentials),
    "",
  ].join("\n");
}

/** Puts the managed header (format version and body hash) in front of a body. */
export function sealPipelineFile(body: string, formatVersion: number = PIPELINE_FILE_FORMAT): string {
  return `# Managed by StackSpot for Azure DevOps (format ${formatVersion}, sha256:${sha256Hex(normalize(body))})\n${body}`;
}

/** The exact content of /stackspot.yml for the given settings. */
export function renderPipelineFile(options: Pick<SetupOptions, "pool" | "credentials">): string {
  return sealPipelineFile(renderPipelineBody(options));
}

/** Line endings may be converted on the way (editors, git settings); that is not an edit. */
function normalize(text: string): string {
  return text.replace(/\r\n/g, "\n");
}

/** Are two file contents the same file (ignoring CRLF vs LF)? */
export function sameFileContent(a: string, b: string): boolean {
  return normalize(a) === normalize(b);
}

export function classifyPipelineFile(content: string): PipelineFileClass {
  const text = normalize(content.replace(/^\uFEFF/, ""));
  const newline = text.indexOf("\n");
  const header = (newline < 0 ? text : text.slice(0, newline)).match(HEADER);
  if (!header) return { kind: "foreign", stackspotLike: declaresWorkflowParameter(text) };
  const formatVersion = Number(header[1]);
  const body = newline < 0 ? "" : text.slice(newline + 1);
  if (sha256Hex(body) !== header[2]) return { kind: "edited", formatVersion };
  if (formatVersion > PIPELINE_FILE_FORMAT) return { kind: "newer", formatVersion };
  const settings = readSettings(body);
  return formatVersion === PIPELINE_FILE_FORMAT ? { kind: "current", formatVersion, settings } : { kind: "upgradable", formatVersion, settings };
}

type Json = Record<string, unknown>;
const asObject = (v: unknown): Json | undefined => (v && typeof v === "object" && !Array.isArray(v) ? (v as Json) : undefined);
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: false });
  return doc.errors.length ? undefined : doc.toJS();
}

function declaresWorkflowParameter(text: string): boolean {
  const root = asObject(parseYaml(text));
  return asArray(root?.parameters).some((p) => asObject(p)?.name === "workflow_execution_id");
}

/** Reads pool and credentials back from one of our bodies (undefined when the shape is unexpected). */
function readSettings(body: string): PipelineFileSettings | undefined {
  const root = asObject(parseYaml(body));
  const job = asObject(asArray(asObject(asArray(root?.stages)[0])?.jobs)[0]);
  const pool = asObject(job?.pool);
  const step = asArray(job?.steps).map(asObject).find((s) => s?.task === RESUME_TASK);
  const inputs = asObject(step?.inputs);
  if (!pool || !inputs) return undefined;
  const poolOption: PoolOption | undefined = typeof pool.vmImage === "string" ? { kind: "hosted" }
    : typeof pool.name === "string" ? { kind: "self-hosted", queue: pool.name } : undefined;
  const connection = inputs.stackspotServiceConnection;
  const credentials = typeof connection === "string" ? { kind: "service-connection" as const, name: connection }
    : typeof inputs.clientKey === "string" ? { kind: "variables" as const } : undefined;
  return poolOption && credentials ? { pool: poolOption, credentials } : undefined;
}
