// Downloads the installer with tool-lib (which applies the agent's proxy and certificate settings),
// retrying what can pass on a second try: network errors, truncated bodies, 5xx, 408 and 429.
import * as fs from "fs";
import * as path from "path";
import * as toolLib from "azure-pipelines-tool-lib/tool";
import { InstallError } from "./errors";
import { defuseCommands, writeLine } from "./log";
import { msg } from "./messages";

export interface DownloadPolicy {
  attempts: number;
  /** Wait before retry n is n × this. */
  retryDelayMs: number;
}

export const DEFAULT_DOWNLOAD_POLICY: DownloadPolicy = { attempts: 3, retryDelayMs: 1000 };

export async function downloadFile(
  url: string,
  directory: string,
  policy = DEFAULT_DOWNLOAD_POLICY,
): Promise<string> {
  let lastProblem = "";
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    writeLine(msg("DownloadingInstaller", attempt, policy.attempts));
    // A fresh file per attempt: tool-lib refuses to overwrite, and a partial file must not be
    // reused.
    const target = path.join(
      directory,
      `attempt-${attempt}-${path.basename(new URL(url).pathname) || "installer"}`,
    );
    try {
      const file = await toolLib.downloadTool(url, target);
      if (fs.statSync(file).size === 0) throw new Error("the server sent an empty file");
      return file;
    } catch (error) {
      fs.rmSync(target, { force: true });
      lastProblem = describeDownloadError(error);
      if (!isWorthRetrying(error)) {
        throw new InstallError(
          msg("DownloadFailed", defuseCommands(url), attempt, lastProblem),
          msg("DownloadFailedRemedy"),
        );
      }
      if (attempt < policy.attempts) {
        const wait = attempt * policy.retryDelayMs;
        writeLine(msg("DownloadRetry", attempt, lastProblem, wait));
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
  throw new InstallError(
    msg("DownloadFailed", defuseCommands(url), policy.attempts, lastProblem),
    msg("DownloadFailedRemedy"),
  );
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { httpStatusCode?: unknown })?.httpStatusCode;
  return typeof status === "number" ? status : undefined;
}

function isWorthRetrying(error: unknown): boolean {
  const status = statusOf(error);
  if (status === undefined) return true;
  return status >= 500 || status === 408 || status === 429;
}

function describeDownloadError(error: unknown): string {
  const status = statusOf(error);
  if (status !== undefined) return `HTTP ${status}`;
  const message = error instanceof Error ? error.message : String(error);
  // tool-lib reports a body cut short as "Aborted".
  return /aborted/i.test(message) ? "the connection closed before the whole file arrived" : message;
}
