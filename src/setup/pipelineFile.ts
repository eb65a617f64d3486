// Writes /stackspot.yml exactly as the StackSpot contract says, and classifies an existing one.
//
// The first line is a header comment that marks the file as managed, carries the format version and
// the SHA-256 of everything after that line. A file whose hash no longer matches was edited by
// someone: the set-up leaves it alone unless told to replace it.
//
// An intact managed file is classified from its header alone (classifyFromHeader): no YAML parser,
// so the hub's first download does without one. Other files go to pipelineFileClass.ts, which
// parses them and is loaded only then (classifyPipelineFileLazily; a lazy chunk in the hub, bundled
// into the CLI).
import {
  CREDENTIAL_VARIABLES,
  HOSTED_VM_IMAGE,
  RESUME_TASK,
  DEFAULT_SERVICE_CONNECTION_NAME,
} from "./contract";
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
  /**
   * Not written by this product (e.g. the manual's hand-written file). `stackspotLike` when it
   * declares workflow_execution_id.
   */
  | { kind: "foreign"; stackspotLike: boolean };

/**
 * Single-quoted YAML scalar: only the quote itself needs escaping (names never hold line breaks).
 */
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
  const credentials = options.credentials ?? {
    kind: "service-connection",
    name: DEFAULT_SERVICE_CONNECTION_NAME,
  };
  return [
    "# Set up by the StackSpot hub (Pipelines → StackSpot), which keeps it current. " +
      "StackSpot queues the",
    '# pipeline "stackspot" on this file. If you edit it, the hub leaves your version alone.',
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
export function sealPipelineFile(
  body: string,
  formatVersion: number = PIPELINE_FILE_FORMAT,
): string {
  const hash = sha256Hex(normalize(body));
  const header =
    "# Managed by StackSpot for Azure DevOps " + `(format ${formatVersion}, sha256:${hash})`;
  return `${header}\n${body}`;
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

/**
 * The header's format version and body hash, and the body; undefined when the file has no managed
 * header.
 */
export function splitManagedFile(
  content: string,
): { formatVersion: number; hash: string; body: string; text: string } | { text: string } {
  const text = normalize(content.replace(/^\uFEFF/, ""));
  const newline = text.indexOf("\n");
  const header = (newline < 0 ? text : text.slice(0, newline)).match(HEADER);
  if (!header) return { text };
  return {
    formatVersion: Number(header[1]),
    hash: header[2],
    body: newline < 0 ? "" : text.slice(newline + 1),
    text,
  };
}

/** Unquotes one of quote()'s single-quoted scalars. */
function unquote(value: string): string | undefined {
  const m = /^'((?:[^']|'')*)'$/.exec(value);
  return m ? m[1].replace(/''/g, "'") : undefined;
}

/**
 * The settings of a body this version renders, read without a YAML parser: the candidate read from
 * the pool and credential lines must render the very same body, or the answer is "don't know".
 */
function settingsOfRenderedBody(body: string): PipelineFileSettings | undefined {
  const line = (re: RegExp) => re.exec(body)?.[1];
  const queue = line(/^ {10}name: ('.*')$/m);
  const connection = line(/^ {14}stackspotServiceConnection: ('.*')$/m);
  const pool: PoolOption | undefined = /^ {10}vmImage: /m.test(body)
    ? { kind: "hosted" }
    : queue !== undefined && unquote(queue) !== undefined
      ? { kind: "self-hosted", queue: unquote(queue) as string }
      : undefined;
  const credentials: PipelineFileSettings["credentials"] | undefined =
    connection !== undefined
      ? unquote(connection) !== undefined
        ? { kind: "service-connection", name: unquote(connection) as string }
        : undefined
      : /^ {14}clientKey: /m.test(body)
        ? { kind: "variables" }
        : undefined;
  if (!pool || !credentials) return undefined;
  return renderPipelineBody({ pool, credentials }) === body ? { pool, credentials } : undefined;
}

/**
 * The class of a file decided from its header alone: an edited, newer or intact current-format
 * managed file. Undefined when only parsing can tell (a foreign file, an older format, a body this
 * version would not render): then ask classifyPipelineFile (pipelineFileClass.ts).
 */
export function classifyFromHeader(content: string): PipelineFileClass | undefined {
  const file = splitManagedFile(content);
  if (!("body" in file)) return undefined;
  const { formatVersion, body } = file;
  if (sha256Hex(body) !== file.hash) return { kind: "edited", formatVersion };
  if (formatVersion > PIPELINE_FILE_FORMAT) return { kind: "newer", formatVersion };
  if (formatVersion < PIPELINE_FILE_FORMAT) return undefined;
  const settings = settingsOfRenderedBody(body);
  return settings ? { kind: "current", formatVersion, settings } : undefined;
}

/** The full classifier, loading the YAML parser only for a file the header cannot settle. */
export async function classifyPipelineFileLazily(content: string): Promise<PipelineFileClass> {
  return (
    classifyFromHeader(content) ??
    (await import(/* webpackChunkName: "yaml" */ "./pipelineFileClass")).classifyPipelineFile(
      content,
    )
  );
}
