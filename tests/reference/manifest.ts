// tests/fixtures/manifest.json: every file the refresh copied, with its SHA-256, so that a copy
// edited by hand or left half-refreshed is caught (fixtures.test.ts).
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

export interface FixtureManifest {
  $comment: string;
  /** Path relative to tests/fixtures ("/"-separated) → SHA-256 of its bytes, in hex. */
  files: Record<string, string>;
}

export function sha256(bytes: Buffer): string {
  return crypto.createHash("sha256").update(bytes).digest("hex");
}

/** The manifest of the given files of a folder, in sorted order. */
export function manifestOf(dir: string, files: string[]): FixtureManifest {
  const sorted = [...files].sort();
  return {
    $comment:
      "Written by scripts/refresh-reference.js: do not edit. Sources and refresh: README.md.",
    files: Object.fromEntries(
      sorted.map((f) => [f, sha256(fs.readFileSync(path.join(dir, ...f.split("/"))))]),
    ),
  };
}

export function writeManifest(file: string, manifest: FixtureManifest): void {
  fs.writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readManifest(file: string): FixtureManifest {
  return JSON.parse(fs.readFileSync(file, "utf8")) as FixtureManifest;
}
