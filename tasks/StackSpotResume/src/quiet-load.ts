// Must be the first import of index.ts. When task-lib and tool-lib load, they read the agent's
// proxy and client certificate settings with getVariable, which writes
// `##vso[task.debug]Agent.ProxyPassword=<password>` and `…Agent.ClientCertPassword=<password>` —
// before any code of the task runs, so readQuietly cannot help. The agent would mask it (it is a
// secret variable), but the task's rule is to never print a secret in the first place. Until the
// libraries have loaded, such debug lines are dropped; everything else passes through unchanged.
const originalWrite = process.stdout.write;
const SECRET_DEBUG = /^##vso\[task\.debug\]Agent\.(?:ProxyPassword|ClientCertPassword)=/i;

process.stdout.write = function writeDuringLoad(
  this: NodeJS.WriteStream,
  chunk: unknown,
  ...rest: unknown[]
): boolean {
  if (typeof chunk === "string" && SECRET_DEBUG.test(chunk)) return true;
  return (originalWrite as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
} as typeof process.stdout.write;

/** Called once the libraries have loaded: the task's own output goes straight to stdout again. */
export function endQuietLoad(): void {
  process.stdout.write = originalWrite;
}
