// The check every task run goes through: the client key (and its URL-encoded form) may appear in
// the task's output only inside the ##vso[task.setsecret] command itself — not in any other stdout
// line, not in stderr, not in an attached file, and not in any file left on the agent afterwards.
import * as fs from "fs";
import * as path from "path";

export interface CapturedOutput {
  stdout: string;
  stderr: string;
  attachments: Array<{ path: string; content: string }>;
}

export interface Leak {
  where: string;
  /** The offending text around the secret, with the secret itself replaced by <SECRET>. */
  context: string;
}

function formsOf(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret)])];
}

function scan(where: string, text: string, secret: string, leaks: Leak[]): void {
  for (const form of formsOf(secret)) {
    let at = text.indexOf(form);
    while (at >= 0) {
      const context = text
        .slice(Math.max(0, at - 60), at + form.length + 60)
        .split(form)
        .join("<SECRET>");
      leaks.push({ where, context });
      at = text.indexOf(form, at + 1);
    }
  }
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(full) : e.isFile() ? [full] : [];
  });
}

export function findSecretLeaks(
  output: CapturedOutput,
  secrets: string[],
  leftOnDisk: string[] = [],
): Leak[] {
  const leaks: Leak[] = [];
  for (const secret of secrets.filter((s) => s && s.length >= 4)) {
    const lines = output.stdout.split(/\r?\n/);
    lines.forEach((line, i) => {
      if (line.startsWith("##vso[task.setsecret]")) return;
      scan(`stdout line ${i + 1}`, line, secret, leaks);
    });
    scan("stderr", output.stderr, secret, leaks);
    for (const attachment of output.attachments)
      scan(`attachment ${attachment.path}`, attachment.content, secret, leaks);
    for (const dir of leftOnDisk) {
      for (const file of filesUnder(dir))
        scan(`file ${file}`, fs.readFileSync(file, "latin1"), secret, leaks);
    }
  }
  return leaks;
}

/**
 * Throws if a secret leaked; `sandbox` directories (agent temp, tools, user home) are searched too.
 */
export function assertNoSecretLeak(
  output: CapturedOutput,
  secrets: string[],
  sandbox: { temp: string; tools: string; userHome: string },
): void {
  const leaks = findSecretLeaks(output, secrets, [sandbox.temp, sandbox.tools, sandbox.userHome]);
  if (leaks.length) {
    throw new Error(
      `secret leaked in ${leaks.length} place(s):\n${leaks.map((l) => `  ${l.where}: ${JSON.stringify(l.context)}`).join("\n")}`,
    );
  }
}
