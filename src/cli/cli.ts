// stackspot-ado from argv to exit code, with its streams and environment passed in (main.ts passes
// the process's). Order of work: parse, read the environment, check the organization once, list the
// projects, run them, summarize (./execute.ts). Nothing reaches a stream without going through the
// Redactor.
//
// ./execute.ts, and with it the engine and the REST clients, is loaded only when a command runs:
// --help and --version answer without initialising them (start-up is measured by
// `npm run bench -- cli`).
import { parseCommandLine } from "./args";
import type { Env } from "./auth";
import { CliError } from "./errors";
import { proxySecrets } from "./network";
import { ExitCode } from "./exitCodes";
import { helpText } from "./help";
import { Redactor, tokenForms } from "./redact";
import type { TextStream } from "./render/renderer";

export interface CliIo {
  stdout: TextStream;
  stderr: TextStream;
  env: Env;
  version?: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const redactor = new Redactor();
  for (const name of ["AZURE_DEVOPS_EXT_PAT", "SYSTEM_ACCESSTOKEN", "STK_CLIENT_KEY"]) {
    const value = io.env[name]?.trim();
    if (value) for (const form of tokenForms(value)) redactor.add(form);
  }
  for (const secret of proxySecrets(io.env)) redactor.add(secret);
  const stdout = redacting(io.stdout, redactor);
  const stderr = redacting(io.stderr, redactor);
  let json = false;
  try {
    if (argv[0] === "doctor") {
      json = argv.includes("--json");
      // Loaded on use, like execute.ts: --help and --version never load the engine.
      const { runDoctor } = await import("./doctor/command");
      return await runDoctor(argv.slice(1), io.env, {
        stdout,
        stderr,
        version: io.version ?? "unknown",
      });
    }
    const parsed = parseCommandLine(argv);
    if (parsed.kind === "help") {
      // Given nothing at all, the help is the answer to a usage error: on stderr, exit 2.
      if (parsed.missingCommand) {
        stderr.write(helpText());
        return ExitCode.Usage;
      }
      stdout.write(helpText(parsed.command));
      return ExitCode.Ready;
    }
    if (parsed.kind === "version") {
      stdout.write(`stackspot-ado ${io.version ?? "unknown"}\n`);
      return ExitCode.Ready;
    }
    json = parsed.args.json;
    const { execute } = await import("./execute");
    return await execute(parsed.args, io.env, stdout, stderr);
  } catch (e) {
    const known = e instanceof CliError;
    const message = known
      ? e.userMessage
      : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    const remedy = known
      ? e.remedy
      : "Run again with --verbose; if it keeps failing, report this message.";
    const code = known ? e.exitCode : ExitCode.Failed;
    stderr.write(`stackspot-ado: ${message}\n${remedy}\n`);
    if (json && code !== ExitCode.Usage)
      stdout.write(`${JSON.stringify({ exitCode: code, error: { message, remedy } }, null, 2)}\n`);
    return code;
  }
}

function redacting(stream: TextStream, redactor: Redactor): TextStream {
  return {
    write: (chunk: string) => stream.write(redactor.redact(chunk)),
    get isTTY() {
      return stream.isTTY;
    },
    get columns() {
      return stream.columns;
    },
  };
}
