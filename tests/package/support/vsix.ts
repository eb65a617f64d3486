// Builds the Marketplace package the way `npm run package` does and opens it, for the package tests
// and the bench. Packaging runs without network when the machine can prove it (a user namespace
// with no network interface, `unshare -rn`), so a tfx that tried to reach the Marketplace would
// fail here.
import AdmZip from "adm-zip";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "./paths";

export interface BuiltPackage {
  vsixPath: string;
  /** What scripts/package.js printed (stdout and stderr). */
  output: string;
  /** Whether packaging ran with no network at all. */
  offline: boolean;
}

let isolation: boolean | undefined;

/** Can this machine run a command with no network (unprivileged user + network namespace)? */
export function canIsolateNetwork(): boolean {
  if (isolation === undefined) {
    const r = spawnSync("unshare", ["-rn", "true"], { encoding: "utf8" });
    isolation = r.status === 0;
  }
  return isolation;
}

export class PackagingFailedError extends Error {
  constructor(output: string) {
    super(
      `scripts/package.js failed:\n${output}\nRemedy: run \`npm run build\` first (npm test does), then read the message above.`,
    );
    this.name = "PackagingFailedError";
  }
}

/** Runs scripts/package.js on the current build (dist/), offline when possible. */
export function buildPackage(config: "release" | "dev", extraArgs: string[] = []): BuiltPackage {
  const args = [
    path.join(REPO_ROOT, "scripts/package.js"),
    "--skip-build",
    "--config",
    config,
    ...extraArgs,
  ];
  const offline = canIsolateNetwork();
  const [cmd, argv] = offline
    ? ["unshare", ["-rn", process.execPath, ...args]]
    : [process.execPath, args];
  const env = { ...process.env };
  delete env.STACKSPOT_PUBLISHER; // the test decides the publisher
  const r = spawnSync(cmd, argv as string[], { cwd: REPO_ROOT, encoding: "utf8", env });
  const output = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  if (r.status !== 0) throw new PackagingFailedError(output);
  const m = /^package: (\S+\.vsix) /m.exec(r.stdout);
  if (!m) throw new PackagingFailedError(`no "package: <file>.vsix" line in:\n${output}`);
  return { vsixPath: path.join(REPO_ROOT, m[1]), output, offline };
}

/** Read access to the files of a .vsix (a zip). */
export class Vsix {
  readonly zip: AdmZip;
  constructor(readonly file: string) {
    this.zip = new AdmZip(file);
  }
  /** File entries (no folders), with forward slashes. */
  names(): string[] {
    return this.zip
      .getEntries()
      .filter((e) => !e.isDirectory)
      .map((e) => e.entryName);
  }
  has(name: string): boolean {
    const entry = this.zip.getEntry(name);
    return Boolean(entry && !entry.isDirectory);
  }
  /** Is there at least one file under this folder? */
  hasFolder(folder: string): boolean {
    const prefix = folder.replace(/\/+$/, "") + "/";
    return this.names().some((n) => n.startsWith(prefix));
  }
  text(name: string): string {
    const entry = this.zip.getEntry(name);
    if (!entry) throw new Error(`${name} is not in ${path.basename(this.file)}`);
    return entry.getData().toString("utf8");
  }
  json<T = unknown>(name: string): T {
    return JSON.parse(this.text(name)) as T;
  }
  /** Unzips everything into dir (created, emptied first). */
  extractTo(dir: string): string {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    this.zip.extractAllTo(dir, true);
    return dir;
  }
}
