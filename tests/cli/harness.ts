// Runs the built CLI (dist/cli/stackspot-ado.js) as a real child process — argv array, no shell, an
// explicit environment — and checks every run's stdout and stderr for the secrets its environment
// held. The emulator runs in the test process, so the child is spawned asynchronously.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator } from "../emulator/types";

export const ROOT = path.resolve(__dirname, "..", "..");
export const CLI = path.join(ROOT, "dist", "cli", "stackspot-ado.js");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both, for searching. */
  all: string;
}

export type CliEnv = Record<string, string>;

/** Secret-bearing variables: their values (and a token's Basic form) must never be printed. */
const SECRET_VARIABLES = ["AZURE_DEVOPS_EXT_PAT", "SYSTEM_ACCESSTOKEN", "STK_CLIENT_KEY"];

export const CREDENTIALS_ENV: CliEnv = {
  STK_CLIENT_ID: "stk-cli-client-id",
  STK_CLIENT_KEY: "SECRET-cli-client-key-6b1f0c",
  STK_REALM: "acme-realm",
};

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds the CLI when the bundle is missing or older than its sources (`npm test` builds first
 * anyway).
 */
export function ensureBuilt(): void {
  const sources = ["src/cli", "src/setup", "src/ado"].map((d) => newestMtime(path.join(ROOT, d)));
  const built = fs.existsSync(CLI) ? fs.statSync(CLI).mtimeMs : 0;
  if (
    built >= Math.max(...sources, fs.statSync(path.join(ROOT, "scripts", "build-cli.js")).mtimeMs)
  )
    return;
  const r = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.js")], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`building the CLI failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * The environment of a run against the emulator: its organization URL and token, nothing inherited
 * but PATH.
 */
export function emulatorEnv(emu: Emulator, extra: CliEnv = {}): CliEnv {
  return { AZURE_DEVOPS_ORG_URL: emu.orgUrl, AZURE_DEVOPS_EXT_PAT: emu.token, ...extra };
}

/**
 * The forms a secret could leak in: as is, and base64 (a Basic header's ":token", or the bare
 * value).
 */
export function secretForms(secret: string): string[] {
  return [
    secret,
    Buffer.from(`:${secret}`).toString("base64"),
    Buffer.from(secret).toString("base64"),
  ];
}

/** Proxy variables: the password in their URL must never be printed either. */
const PROXY_VARIABLES = ["HTTPS_PROXY", "HTTP_PROXY", "https_proxy", "http_proxy"];

function proxyPassword(value: string | undefined): string | undefined {
  try {
    const url = value ? new URL(value) : undefined;
    return url?.password ? decodeURIComponent(url.password) : undefined;
  } catch {
    return undefined;
  }
}

export function secretsOf(env: CliEnv): string[] {
  return [
    ...SECRET_VARIABLES.map((v) => env[v]),
    ...PROXY_VARIABLES.map((v) => proxyPassword(env[v])),
  ]
    .filter((v): v is string => !!v)
    .flatMap(secretForms);
}

/** Every run so far, for suites that search all output once more at the end. */
export const allRuns: { args: string[]; env: CliEnv; run: CliRun }[] = [];

export async function runCli(args: string[], env: CliEnv, timeoutMs = 120_000): Promise<CliRun> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => {
    stdout += d;
  });
  child.stderr.setEncoding("utf8").on("data", (d: string) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c));
  }).finally(() => clearTimeout(timer));
  const run: CliRun = { code, stdout, stderr, all: `${stdout}\n${stderr}` };
  allRuns.push({ args, env, run });
  expectNoSecrets(run, env);
  return run;
}

/** Fails when any secret of the run's environment appears in its output. */
export function expectNoSecrets(run: CliRun, env: CliEnv): void {
  for (const secret of secretsOf(env)) {
    if (run.all.includes(secret))
      throw new Error(
        `a secret from the environment appeared in the CLI's output:\n${run.all.split(secret).join("<<SECRET>>")}`,
      );
  }
}

/** Removes colours and cursor movement. */
export function stripAnsi(text: string): string {
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, "");
}
