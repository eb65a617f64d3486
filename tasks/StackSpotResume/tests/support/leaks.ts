// The check every task run goes through: the client key (in any of the encodings of formsOf) may
// appear in the task's output only inside the ##vso[task.setsecret] command itself — not in any
// other stdout line, not in stderr, not in an attached file, and not in any file left on the agent
// afterwards.
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

/** RFC 3986 percent-encoding, which encodeURIComponent is not: it leaves !'()* as they are. */
function strictPercentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * The base64 (and base64url) characters that depend only on the secret when it sits at byte offset
 * 0, 1 or 2 of a longer text, e.g. in base64("client-id:" + key): found wherever it is embedded.
 */
function base64Cores(bytes: Buffer): string[] {
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const core = encoded.slice(
      Math.ceil((offset * 8) / 6),
      Math.floor(((offset + bytes.length) * 8) / 6),
    );
    return [core, core.replace(/\+/g, "-").replace(/\//g, "_")];
  });
}

/**
 * Every form searched for: the secret, URL-encoded (lenient, strict, either case of the escapes)
 * and form-encoded, and each of those in hex (either case), base64 and base64url at any offset.
 * Written independently of the task's redactor, so a mistake in one is not repeated in the other.
 */
export function formsOf(secret: string): string[] {
  const percent = [encodeURIComponent(secret), strictPercentEncode(secret)];
  const texts = [secret, ...percent, ...percent.map((p) => p.replace(/%20/g, "+"))];
  texts.push(...texts.map((t) => t.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())));
  const forms = texts.flatMap((text) => {
    const bytes = Buffer.from(text, "utf8");
    const hex = bytes.toString("hex");
    return [text, hex, hex.toUpperCase(), ...base64Cores(bytes)];
  });
  return [...new Set(forms)].filter((form) => form.length >= 8 || form === secret);
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
