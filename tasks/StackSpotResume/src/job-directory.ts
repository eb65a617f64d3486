// This job's private directory, <Agent.TempDirectory>/stackspot-<random>, created with mode 0700:
//   home/     HOME of the STK CLI for login and resume; `stk login` keeps its session in home/.stk
//   install/  HOME of the installer, which installs into install/.stk/bin (then tool-cached)
//   download/ the downloaded installer
// It is removed when the task ends, whatever happened, so a shared self-hosted agent keeps no
// StackSpot session and no credential on disk.
import * as fs from "fs";
import * as path from "path";

export class JobDirectory {
  private constructor(readonly root: string) {}

  static create(agentTempDirectory: string): JobDirectory {
    fs.mkdirSync(agentTempDirectory, { recursive: true });
    const root = fs.mkdtempSync(path.join(agentTempDirectory, "stackspot-"));
    fs.chmodSync(root, 0o700);
    const job = new JobDirectory(root);
    for (const dir of [job.home, job.installHome, job.downloads])
      fs.mkdirSync(dir, { recursive: true });
    return job;
  }

  get home(): string {
    return path.join(this.root, "home");
  }

  get installHome(): string {
    return path.join(this.root, "install");
  }

  get downloads(): string {
    return path.join(this.root, "download");
  }

  /** Removes the directory; returns the error message if it could not, so the caller can warn. */
  remove(): string | undefined {
    try {
      fs.rmSync(this.root, { recursive: true, force: true, maxRetries: 3, retryDelay: 200 });
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
