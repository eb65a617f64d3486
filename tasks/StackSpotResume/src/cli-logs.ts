// What the STK CLI leaves in its home: logs under ~/.stk/logs/ and, in debug mode, an HTTP trace
// under ~/.stk/debug/ (http.txt). Both can hold credentials and tokens, so only redacted copies
// leave the job directory: log lines are printed after a failure, the trace is attached to the run
// as a file.
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import * as tl from "azure-pipelines-task-lib/task";
import { defuseCommands, endGroup, startGroup, writeLine } from "./log";
import { msg } from "./messages";
import { Redactor } from "./redactor";

const TAIL_BYTES = 64 * 1024;
export const LOG_TAIL_LINES = 40;

function filesUnder(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full));
    else if (entry.isFile()) found.push(full);
  }
  return found;
}

function newest(files: string[]): string | undefined {
  let best: { file: string; time: number } | undefined;
  for (const file of files) {
    const time = fs.statSync(file).mtimeMs;
    if (!best || time >= best.time) best = { file, time };
  }
  return best?.file;
}

function readTail(file: string, bytes: number): string {
  const size = fs.statSync(file).size;
  const start = Math.max(0, size - bytes);
  const buffer = Buffer.alloc(size - start);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, buffer, 0, buffer.length, start);
  } finally {
    fs.closeSync(fd);
  }
  const text = buffer.toString("utf8");
  // Started mid-file: drop the partial first line, which could hold the end of a secret.
  return start > 0 ? text.slice(text.indexOf("\n") + 1) : text;
}

/**
 * Prints the last lines of the newest CLI log file, redacted, in a collapsible group; returns them.
 */
export function printLogTail(
  cliHome: string,
  redactor: Redactor,
  lines = LOG_TAIL_LINES,
): string[] {
  const logFile = newest(filesUnder(path.join(cliHome, ".stk", "logs")));
  if (!logFile) {
    writeLine(msg("NoLogFound"));
    return [];
  }
  // Redact before cutting into lines: a cut could otherwise fall inside a secret. Defused: a line
  // of the log holding ##vso[…] would otherwise be run by the agent when it is printed.
  const tail = defuseCommands(redactor.redact(readTail(logFile, TAIL_BYTES))).split(/\r?\n/);
  if (tail.length && tail[tail.length - 1] === "") tail.pop();
  const shown = tail.slice(-lines);
  startGroup(msg("LogTailHeader", path.basename(logFile)));
  for (const line of shown) writeLine(line);
  endGroup();
  return shown;
}

/**
 * Attaches a redacted copy of the CLI's HTTP trace to the run. The copy lives in the agent's temp
 * directory, outside the job directory: the agent uploads attachments after the task has ended and
 * empties its temp directory when the job ends.
 */
export function attachHttpTrace(
  cliHome: string,
  agentTempDirectory: string,
  redactor: Redactor,
): void {
  const traces = filesUnder(path.join(cliHome, ".stk", "debug"));
  if (!traces.length) {
    writeLine(msg("NoTrace"));
    return;
  }
  const parts = traces.map(
    (file) => `===== ${path.basename(file)} =====\n${fs.readFileSync(file, "utf8")}`,
  );
  const name = `stackspot-http-trace-${crypto.randomBytes(4).toString("hex")}.txt`;
  const copy = path.join(agentTempDirectory, name);
  fs.writeFileSync(copy, redactor.redact(parts.join("\n")), { mode: 0o600 });
  tl.uploadFile(copy);
  writeLine(msg("TraceAttached", name));
}
