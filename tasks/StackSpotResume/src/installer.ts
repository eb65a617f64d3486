// Finds the STK CLI in the agent's tool cache, or installs it there.
//
// The official installer puts the CLI into ~/.stk/bin. The task runs it with HOME pointing at a
// staging directory of this job (<job>/install), reads the version with `stk --version`, and copies
// <job>/install/.stk/bin into the tool cache as
// <Agent.ToolsDirectory>/stk/<version>/<arch>-<source> (tool-lib's cacheDir; <source> is a hash of
// the installer address, see installer-trust.ts). The next run on the agent naming the same source
// finds it there and downloads nothing.
import * as fs from "fs";
import * as path from "path";
import * as tl from "azure-pipelines-task-lib/task";
import * as toolLib from "azure-pipelines-tool-lib/tool";
import { cliEnvironment } from "./cli-environment";
import { downloadFile, DownloadPolicy, DEFAULT_DOWNLOAD_POLICY } from "./download";
import { CliCommandError, InstallError } from "./errors";
import { JobDirectory } from "./job-directory";
import { writeLine, defuseCommands } from "./log";
import { msg } from "./messages";
import { runProcess } from "./process-runner";
import { Redactor } from "./redactor";
import { sourceCacheArch, verifyInstaller } from "./installer-trust";
import { commandError, StkCli } from "./stk-cli";
import { CommandTimeouts } from "./validation";

export const TOOL_NAME = "stk";
const isWindows = process.platform === "win32";
export const EXECUTABLE_NAME = isWindows ? "stk.exe" : "stk";

export interface InstallContext {
  job: JobDirectory;
  installerBaseUrl: URL;
  installerSha256?: string;
  redactor: Redactor;
  timeouts: CommandTimeouts;
  downloadPolicy?: DownloadPolicy;
}

export interface InstalledCli {
  /** Absolute path of the stk executable. */
  executable: string;
  version: string;
  /** The tool cache's arch folder of its installer source, where an upgraded CLI is cached too. */
  cacheArch: string;
}

/**
 * Returns the CLI to use, from the tool cache or freshly installed, and puts its folder on the
 * PATH.
 */
export async function findOrInstallCli(context: InstallContext): Promise<InstalledCli> {
  const cached = await cachedCli(context);
  const cli = cached ?? (await installCli(context));
  toolLib.prependPath(path.dirname(cli.executable));
  return cli;
}

/**
 * Caches a CLI folder under its version and source and returns the executable inside the cache.
 */
export async function cacheCliFolder(
  folder: string,
  version: string,
  cacheArch: string,
): Promise<string> {
  const cachedFolder = await toolLib.cacheDir(folder, TOOL_NAME, version, cacheArch);
  return path.join(cachedFolder, EXECUTABLE_NAME);
}

function cacheArchOf(context: InstallContext): string {
  return sourceCacheArch(context.installerBaseUrl, context.installerSha256);
}

async function cachedCli(context: InstallContext): Promise<InstalledCli | undefined> {
  const cacheArch = cacheArchOf(context);
  // Only CLIs installed from this run's source: the highest version among all sources could be a
  // mirror's tampered CLI.
  const folder = toolLib.findLocalTool(TOOL_NAME, "*", cacheArch);
  if (!folder) return undefined;
  const executable = path.join(folder, EXECUTABLE_NAME);
  try {
    const version = await cliAt(executable, context.job.home, context).version();
    writeLine(msg("UsingCachedCli", version, folder));
    return { executable, version, cacheArch };
  } catch (error) {
    // A damaged cache entry (interrupted copy, removed file) is repaired by installing again.
    tl.warning(
      msg("CachedCliBroken", folder, error instanceof Error ? error.message : String(error)),
    );
    return undefined;
  }
}

export function cliAt(
  executable: string,
  home: string,
  context: Pick<InstallContext, "redactor" | "timeouts">,
): StkCli {
  return new StkCli(executable, {
    home,
    env: cliEnvironment({ home, httpDebug: false }),
    redactor: context.redactor,
    timeouts: context.timeouts,
  });
}

async function installCli(context: InstallContext): Promise<InstalledCli> {
  const home = context.job.installHome;
  const binFolder = isWindows
    ? await runWindowsInstaller(context)
    : await runShellInstaller(context);
  const staged = path.join(binFolder, EXECUTABLE_NAME);
  if (!fs.existsSync(staged))
    throw new InstallError(msg("CliNotInstalled", staged), msg("InstallerFailedRemedy"));
  const version = await asInstallError(cliAt(staged, home, context).version());
  const cacheArch = cacheArchOf(context);
  const executable = await cacheCliFolder(binFolder, version, cacheArch);
  writeLine(msg("CliCached", version));
  return { executable, version, cacheArch };
}

/** Linux and macOS: <base>/install.sh, run as `bash <file>` (an argument list, never a pipe). */
async function runShellInstaller(context: InstallContext): Promise<string> {
  const url = `${context.installerBaseUrl.href.replace(/\/$/, "")}/install.sh`;
  const script = await downloadFile(
    url,
    context.job.downloads,
    context.downloadPolicy ?? DEFAULT_DOWNLOAD_POLICY,
  );
  verifyInstaller(script, context.installerSha256);
  const bash = tl.which("bash", false);
  if (!bash) throw new InstallError(msg("BashMissing"), msg("BashMissingRemedy"));
  const home = context.job.installHome;
  const env = cliEnvironment({ home, httpDebug: false });
  const run = (args: string[]) =>
    runProcess({
      file: bash,
      args,
      env,
      cwd: home,
      timeoutSeconds: context.timeouts.shortCommandSeconds,
      redactor: context.redactor,
    });

  // A body cut short can still look like a script; bash -n refuses one that stops mid-construct.
  const syntax = await run(["-n", script]);
  if (syntax.exitCode !== 0) {
    throw new InstallError(
      msg("InstallerIncomplete", `bash -n ended with ${describeEnd(syntax)}`),
      msg("DownloadFailedRemedy"),
    );
  }
  const install = await run([script]);
  if (install.exitCode !== 0 || install.timedOut) {
    const failure = commandError(
      "install.sh",
      install,
      context.timeouts.shortCommandSeconds,
      "InstallerFailedRemedy",
    );
    throw new InstallError(
      install.timedOut ? failure.message : msg("InstallerFailed", describeEnd(install)),
      failure.remedy,
    );
  }
  return path.join(home, ".stk", "bin");
}

/**
 * Windows: <base>/installer/windows/stk.exe is the CLI itself, which sets itself up under
 * %USERPROFILE%\.stk\bin on its first run. Not exercised by this repository's tests (Linux only).
 */
async function runWindowsInstaller(context: InstallContext): Promise<string> {
  const url = `${context.installerBaseUrl.href.replace(/\/$/, "")}/installer/windows/stk.exe`;
  const downloaded = await downloadFile(
    url,
    context.job.downloads,
    context.downloadPolicy ?? DEFAULT_DOWNLOAD_POLICY,
  );
  verifyInstaller(downloaded, context.installerSha256);
  const home = context.job.installHome;
  const binFolder = path.join(home, ".stk", "bin");
  const executable = path.join(context.job.downloads, EXECUTABLE_NAME);
  fs.renameSync(downloaded, executable);
  await asInstallError(cliAt(executable, home, context).version());
  if (!fs.existsSync(path.join(binFolder, EXECUTABLE_NAME))) {
    fs.mkdirSync(binFolder, { recursive: true });
    fs.copyFileSync(executable, path.join(binFolder, EXECUTABLE_NAME));
  }
  return binFolder;
}

function describeEnd(outcome: {
  exitCode: number | null;
  signal: string | null;
  startError?: string;
}): string {
  if (outcome.startError) return defuseCommands(outcome.startError);
  return outcome.exitCode !== null ? `exit code ${outcome.exitCode}` : `signal ${outcome.signal}`;
}

async function asInstallError<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof CliCommandError)
      throw new InstallError(error.message, msg("CliVersionRemedy"));
    throw error;
  }
}
