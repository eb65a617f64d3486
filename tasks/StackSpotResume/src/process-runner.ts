// Runs one program with an argument list (never a shell), streams its output through the redactor,
// keeps the last lines for error messages, and stops it at a time limit.
import { ChildProcess, spawn } from "child_process";
import { defuseCommands, echoCommand } from "./log";
import { LineRedactingStream, Redactor } from "./redactor";

export interface ProcessRequest {
  file: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  timeoutSeconds: number;
  redactor: Redactor;
  /** Argument positions shown as *** in the echoed command line. */
  maskedArgs?: ReadonlySet<number>;
  /** Stream output to the log as it comes (true), or only keep it for the caller (false). */
  echoOutput?: boolean;
  /**
   * Let logging commands (##vso[…]) in the output reach the agent. Only for `stk resume workflow`,
   * whose output is the user's own workflow; everything else is defused.
   */
  passLoggingCommands?: boolean;
}

export interface ProcessOutcome {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  /** Set when the program could not be started at all (missing file, no permission). */
  startError?: string;
  /** Redacted stdout and stderr, interleaved, at most the last 64 KB. */
  output: string;
}

const KEPT_OUTPUT = 64 * 1024;
const KILL_GRACE_MS = 5000;
const DRAIN_GRACE_MS = 2000;
const isWindows = process.platform === "win32";

/** Children still running, so a cancelled task can stop them before it removes their home. */
const running = new Set<ChildProcess>();

export function stopAllProcesses(): void {
  for (const child of running) terminate(child, "SIGKILL");
}

export function runProcess(request: ProcessRequest): Promise<ProcessOutcome> {
  echoCommand(request.file, request.args, request.maskedArgs ?? new Set(), (text) =>
    request.redactor.redact(text),
  );
  const output = new RedactedOutput(
    request.redactor,
    request.echoOutput ?? true,
    request.passLoggingCommands ?? false,
  );
  let child: ChildProcess;
  try {
    child = spawn(request.file, [...request.args], {
      cwd: request.cwd,
      env: request.env,
      // No stdin: a CLI that asks a question gets end-of-file instead of waiting for ever.
      stdio: ["ignore", "pipe", "pipe"],
      // Its own process group on POSIX, so the time limit stops the programs it started too.
      detached: !isWindows,
      windowsHide: true,
    });
  } catch (error) {
    const outcome = { exitCode: null, signal: null, timedOut: false, output: "" };
    return Promise.resolve({ ...outcome, startError: String(error) });
  }
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => output.out.write(chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => output.err.write(chunk));
  return supervise(child, request.timeoutSeconds, output);
}

/** Both output streams, redacted line by line, echoed, and the last 64 KB kept for messages. */
class RedactedOutput {
  kept = "";
  readonly out: LineRedactingStream;
  readonly err: LineRedactingStream;
  constructor(redactor: Redactor, echo: boolean, passLoggingCommands: boolean) {
    const keep = (text: string) => {
      this.kept = (this.kept + text).slice(-KEPT_OUTPUT);
    };
    // Defused piece by piece: the redacting stream never ends a piece inside "##vso[".
    const shown = (text: string) => (passLoggingCommands ? text : defuseCommands(text));
    this.out = new LineRedactingStream(redactor, (text) => {
      keep(text);
      if (echo) process.stdout.write(shown(text));
    });
    this.err = new LineRedactingStream(redactor, (text) => {
      keep(text);
      if (echo) process.stderr.write(shown(text));
    });
  }
  end(): void {
    this.out.end();
    this.err.end();
  }
}

/** Waits for a started program: its exit, its time limit, and the end of its output. */
function supervise(
  child: ChildProcess,
  timeoutSeconds: number,
  output: RedactedOutput,
): Promise<ProcessOutcome> {
  running.add(child);
  return new Promise((resolve) => {
    let timedOut = false;
    let killTimer: NodeJS.Timeout | undefined;
    let drainTimer: NodeJS.Timeout | undefined;
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const limitTimer = setTimeout(() => {
      timedOut = true;
      terminate(child, "SIGTERM");
      killTimer = setTimeout(() => terminate(child, "SIGKILL"), KILL_GRACE_MS);
    }, timeoutSeconds * 1000);
    let settled = false;
    const finish = (startError?: string) => {
      if (settled) return;
      settled = true;
      [limitTimer, killTimer, drainTimer].forEach((t) => t && clearTimeout(t));
      running.delete(child);
      output.end();
      const status = { exitCode: exit?.code ?? null, signal: exit?.signal ?? null, timedOut };
      resolve({ ...status, startError, output: output.kept });
    };
    child.on("error", (error) => {
      // A program that never started emits no exit; one that did is settled by "close".
      if (child.pid === undefined) finish(error.message);
    });
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      clearTimeout(limitTimer);
      // A program it left behind may hold the pipes open; stop waiting for them after a moment.
      drainTimer = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
        finish();
      }, DRAIN_GRACE_MS);
    });
    child.on("close", () => finish());
  });
}

function terminate(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  try {
    if (isWindows) child.kill(signal);
    else process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
