// `stk upgrade`, as StackSpot's manual runs it after installing. A failed upgrade is a warning: the
// CLI already installed still works. If the upgrade leaves a newer CLI in ~/.stk/bin of the job's
// home (the CLI's own install location), that one is cached and used, so it is not lost when the
// job directory is removed.
import * as fs from "fs";
import * as path from "path";
import * as tl from "azure-pipelines-task-lib/task";
import * as toolLib from "azure-pipelines-tool-lib/tool";
import { TaskFailure } from "./errors";
import { cacheCliFolder, cliAt, EXECUTABLE_NAME, InstalledCli } from "./installer";
import { writeLine } from "./log";
import { msg } from "./messages";
import { StkCli } from "./stk-cli";
import { Redactor } from "./redactor";
import { CommandTimeouts } from "./validation";

export interface UpgradeContext {
  home: string;
  redactor: Redactor;
  timeouts: CommandTimeouts;
}

export async function upgradeCli(
  cli: InstalledCli,
  stk: StkCli,
  context: UpgradeContext,
): Promise<InstalledCli> {
  try {
    await stk.upgrade();
  } catch (error) {
    if (!(error instanceof TaskFailure)) throw error;
    tl.warning(msg("UpgradeFailed", error.message, cli.version));
    return cli;
  }
  const upgraded = path.join(context.home, ".stk", "bin", EXECUTABLE_NAME);
  if (!fs.existsSync(upgraded)) return cli;
  let version: string;
  try {
    version = await cliAt(upgraded, context.home, context).version();
  } catch (error) {
    if (!(error instanceof TaskFailure)) throw error;
    tl.warning(msg("UpgradeFailed", error.message, cli.version));
    return cli;
  }
  if (version === cli.version) return cli;
  // Under the source of the CLI that upgraded itself: it is that source's run that trusts it.
  const executable = await cacheCliFolder(path.dirname(upgraded), version, cli.cacheArch);
  toolLib.prependPath(path.dirname(executable));
  writeLine(msg("UpgradedCliCached", version));
  return { executable, version, cacheArch: cli.cacheArch };
}
