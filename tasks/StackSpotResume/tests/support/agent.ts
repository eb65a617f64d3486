// Runs the bundled task (dist/task/StackSpotResume/index.js, or the task folder of an unpacked
// .vsix with the `taskDir` option) the way the agent's Node handler does: a real Node process whose
// environment carries INPUT_*, ENDPOINT_*, AGENT_* and SYSTEM_* variables, with the defaults of
// that folder's task.json filled in. Captures stdout, stderr, the ##vso commands and the attached
// files. Every run is checked for the client key before it is returned (see leaks.ts).
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { assertNoSecretLeak } from "./leaks";

/**
 * The repository root, found by walking up (this file also runs bundled, from .tmp/, in the bench).
 */
function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "tasks", "StackSpotResume", "task.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no repository root above ${start}`);
  }
}

export const REPO_ROOT = findRepoRoot(__dirname);
export const BUNDLE_DIR = path.join(REPO_ROOT, "dist", "task", "StackSpotResume");
export const BUNDLE = path.join(BUNDLE_DIR, "index.js");
export const TASK_SOURCE_DIR = path.join(REPO_ROOT, "tasks", "StackSpotResume");
/**
 * The Node that runs the task: this one (Node 20, the Node20_1 handler) unless STACKSPOT_TASK_NODE
 * names another binary, e.g. a Node 24 to exercise the Node24 handler with the same tests.
 */
export const TASK_NODE = process.env.STACKSPOT_TASK_NODE || process.execPath;

/**
 * One agent machine: its temp and tools directories survive across runs, like a self-hosted
 * agent's.
 */
export class AgentSandbox {
  readonly root = fs.mkdtempSync(path.join(os.tmpdir(), "stk-agent-"));
  readonly temp = path.join(this.root, "_temp");
  readonly tools = path.join(this.root, "_tool");
  readonly work = path.join(this.root, "_work");
  /** HOME of the agent's user: the task must leave no ~/.stk here. */
  readonly userHome = path.join(this.root, "home");
  /**
   * Where the stand-in installer and CLI record their invocations (outside everything the task
   * sees).
   */
  readonly records = path.join(this.root, "records");

  constructor() {
    for (const dir of [this.temp, this.tools, this.work, this.userHome, this.records])
      fs.mkdirSync(dir, { recursive: true });
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface ServiceConnection {
  id: string;
  clientId: string;
  clientKey: string;
  realm: string;
}

export interface RunOptions {
  /**
   * The task folder to run, as the agent unpacks it: its index.js is run and its task.json gives
   * the input defaults. Default: the build's BUNDLE_DIR.
   */
  taskDir?: string;
  /** Input values as the agent passes them (macros already expanded, or left as $(NAME)). */
  inputs?: Record<string, string | undefined>;
  connection?: ServiceConnection;
  /** STANDIN_MODE for the stand-in CLI. */
  mode?: string[];
  /** Secrets that must not leak (the client key); checked in every output. */
  secrets: string[];
  systemDebug?: boolean;
  extraEnv?: Record<string, string>;
  /** Kill the task if it runs longer than this (a test safety net, not a behaviour). */
  killAfterMs?: number;
  /**
   * Send `signal` to the task once its stdout contains `stdoutIncludes` (the agent cancelling a
   * run).
   */
  interrupt?: { stdoutIncludes: string; signal: NodeJS.Signals };
}

export interface VsoCommand {
  name: string;
  properties: Record<string, string>;
  data: string;
}

export interface StandInRecord {
  tool: "stk" | "installer";
  args?: string[];
  home: string;
  cwd: string;
  env?: Record<string, string>;
  executable?: string;
  version?: string;
  script?: string;
  argCount?: number;
  hangingChild?: number;
}

export interface TaskRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  commands: VsoCommand[];
  /** task.complete result: Succeeded, Failed, … */
  result: string | undefined;
  /** The message of task.complete. */
  resultMessage: string;
  errors: string[];
  warnings: string[];
  attachments: Array<{ path: string; content: string }>;
  records: StandInRecord[];
  /** `[command]…` lines the task echoed. */
  echoedCommands: string[];
  /** Wall time of the task process, from spawn to exit. */
  wallMs: number;
}

/** The input defaults of the task.json in `taskDir`. */
function taskDefaults(taskDir: string): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(path.join(taskDir, "task.json"), "utf8"));
  const defaults: Record<string, string> = {};
  for (const input of manifest.inputs)
    if (input.defaultValue !== undefined) defaults[input.name] = String(input.defaultValue);
  return defaults;
}

function unescapeVso(value: string): string {
  return value
    .replace(/%0D/g, "\r")
    .replace(/%0A/g, "\n")
    .replace(/%5D/g, "]")
    .replace(/%3B/g, ";")
    .replace(/%AZP25/g, "%");
}

export function parseCommands(stdout: string): VsoCommand[] {
  const commands: VsoCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^##vso\[([^\s\]]+)((?:\s[^\]]*)?)\](.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of m[2].trim().split(";").filter(Boolean)) {
      const eq = pair.indexOf("=");
      properties[pair.slice(0, eq)] = unescapeVso(pair.slice(eq + 1));
    }
    commands.push({ name: m[1], properties, data: unescapeVso(m[3]) });
  }
  return commands;
}

export function environmentFor(sandbox: AgentSandbox, options: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: [path.dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(
      path.delimiter,
    ),
    HOME: sandbox.userHome,
    AGENT_TEMPDIRECTORY: sandbox.temp,
    AGENT_TOOLSDIRECTORY: sandbox.tools,
    AGENT_WORKFOLDER: sandbox.work,
    AGENT_VERSION: "4.266.2",
    AGENT_OS: "Linux",
    SYSTEM_CULTURE: "en-US",
    SYSTEM_DEBUG: options.systemDebug === false ? "false" : "true",
    SYSTEM_TEAMFOUNDATIONCOLLECTIONURI: "https://dev.azure.com/contoso/",
    SYSTEM_TEAMPROJECT: "platform",
    BUILD_BUILDID: "42",
    STANDIN_RECORD: path.join(sandbox.records, "invocations.jsonl"),
    STANDIN_MODE: (options.mode ?? []).join(","),
    ...options.extraEnv,
  };
  const inputs = { ...taskDefaults(options.taskDir ?? BUNDLE_DIR), ...options.inputs };
  for (const [name, value] of Object.entries(inputs))
    if (value !== undefined) env[`INPUT_${name.toUpperCase()}`] = value;
  const c = options.connection;
  if (c) {
    env.INPUT_STACKSPOTSERVICECONNECTION = c.id;
    env[`ENDPOINT_URL_${c.id}`] = "https://stk.stackspot.com";
    env[`ENDPOINT_AUTH_${c.id}`] = JSON.stringify({
      parameters: { username: c.clientId, password: c.clientKey },
      scheme: "UsernamePassword",
    });
    env[`ENDPOINT_AUTH_SCHEME_${c.id}`] = "UsernamePassword";
    env[`ENDPOINT_AUTH_PARAMETER_${c.id}_USERNAME`] = c.clientId;
    env[`ENDPOINT_AUTH_PARAMETER_${c.id}_PASSWORD`] = c.clientKey;
    env[`ENDPOINT_DATA_${c.id}_REALM`] = c.realm;
  }
  return env;
}

function readRecords(sandbox: AgentSandbox): StandInRecord[] {
  const file = path.join(sandbox.records, "invocations.jsonl");
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as StandInRecord);
}

export async function runTask(sandbox: AgentSandbox, options: RunOptions): Promise<TaskRun> {
  fs.rmSync(path.join(sandbox.records, "invocations.jsonl"), { force: true });
  const started = process.hrtime.bigint();
  const entry = path.join(options.taskDir ?? BUNDLE_DIR, "index.js");
  const child = spawn(TASK_NODE, [entry], {
    env: environmentFor(sandbox, options),
    cwd: sandbox.work,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  let interrupted = false;
  child.stdout.setEncoding("utf8").on("data", (c: string) => {
    stdout += c;
    if (options.interrupt && !interrupted && stdout.includes(options.interrupt.stdoutIncludes)) {
      interrupted = true;
      child.kill(options.interrupt.signal);
    }
  });
  child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
  const killer = setTimeout(() => child.kill("SIGKILL"), options.killAfterMs ?? 45000);
  const exitCode = await new Promise<number | null>((resolve) =>
    child.on("close", (code) => resolve(code)),
  );
  clearTimeout(killer);
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;

  const commands = parseCommands(stdout);
  const complete = commands.filter((c) => c.name === "task.complete").pop();
  const issues = (type: string) =>
    commands
      .filter((c) => c.name === "task.issue" && c.properties.type === type)
      .map((c) => c.data);
  const attachments = commands
    .filter((c) => c.name === "task.uploadfile" || c.name === "task.addattachment")
    .map((c) => ({
      path: c.data,
      content: fs.existsSync(c.data) ? fs.readFileSync(c.data, "utf8") : "",
    }));
  const run: TaskRun = {
    exitCode,
    stdout,
    stderr,
    commands,
    result: complete?.properties.result,
    resultMessage: complete?.data ?? "",
    errors: issues("error"),
    warnings: issues("warning"),
    attachments,
    records: readRecords(sandbox),
    echoedCommands: stdout.split(/\r?\n/).filter((l) => l.startsWith("[command]")),
    wallMs,
  };
  assertNoSecretLeak(run, options.secrets, sandbox);
  return run;
}

/** The stk invocations of a run, as argument lists. */
export function stkArgumentLists(run: TaskRun): string[][] {
  return run.records
    .filter((r) => r.tool === "stk" && r.hangingChild === undefined)
    .map((r) => r.args ?? []);
}
