// What ties a cached CLI to the installer it came from, and the optional pin of that installer.
//
// The tool cache is shared by every pipeline on an agent. Were CLIs cached by version alone, a
// tampered CLI from a mirror, reporting a high version, would be picked by every later run on a
// self-hosted agent, whatever installer address that run names, and would receive the client key.
// So each installer source gets its own cache entries.
import * as crypto from "crypto";
import * as fs from "fs";
import { InstallError } from "./errors";
import { writeLine } from "./log";
import { msg } from "./messages";

/**
 * The tool cache's "arch" folder for CLIs from this source: `<arch>-<16 hex digits>`, a hash of the
 * installer address and of the pinned hash (a pinned run must not use a CLI whose installer was
 * never checked against the pin).
 */
export function sourceCacheArch(installerBaseUrl: URL, installerSha256?: string): string {
  const source = `${installerBaseUrl.href}\n${installerSha256 ?? ""}`;
  const digest = crypto.createHash("sha256").update(source, "utf8").digest("hex");
  return `${process.arch}-${digest.slice(0, 16)}`;
}

/** Throws unless the downloaded file has the pinned SHA-256; does nothing when none is pinned. */
export function verifyInstaller(file: string, installerSha256: string | undefined): void {
  if (!installerSha256) return;
  const actual = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
  if (actual !== installerSha256.toLowerCase()) {
    throw new InstallError(
      msg("InstallerHashMismatch", actual, installerSha256),
      msg("InstallerHashMismatchRemedy"),
    );
  }
  writeLine(msg("InstallerHashMatches"));
}
