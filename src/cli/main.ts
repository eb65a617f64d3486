// The stackspot-ado bin: runs the CLI on the process's argv, streams and environment, and exits
// with its code. Built into dist/cli/stackspot-ado.js by scripts/build-cli.js.
import { version } from "../../package.json";
import { runCli } from "./cli";

// A closed pipe (e.g. `stackspot-ado status --all-projects | head`) is not an error worth a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

/**
 * Exits once both streams have flushed. Exiting explicitly matters: Node's fetch keeps idle
 * keep-alive connections open for a few seconds, which would hold the process after the work is
 * done.
 */
function exitAfterFlush(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const done = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", done);
  process.stderr.write("", done);
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  version,
}).then(
  (code) => exitAfterFlush(code),
  (e) => {
    // runCli catches and redacts everything; this last resort prints no message (it could carry a
    // secret).
    process.stderr.write(
      `stackspot-ado: internal error (${e instanceof Error ? e.name : typeof e})\n`,
    );
    exitAfterFlush(1);
  },
);
