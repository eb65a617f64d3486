// `npm start`: the real hub in the SDK test host, against the REST emulator seeded with the demo
// organization, all on 127.0.0.1. Builds the hub first when it is missing or stale (a fresh clone).
//   PLAYGROUND_PORT        port of the page to open (default: a free one)
//   PLAYGROUND_CDN_PORT    port of the extension's files and the proxied organization URL
//                          (default: a free one)
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "./index";
import { DEMO_PROJECT, seedDemo } from "./demo";
import { seedOrgDemo } from "./orgDemo";
import { startTestHost } from "../host/server";
import { ensureHubBuilt } from "../host/hubBuild";
import { findRepoRoot } from "../host/httpUtil";

function port(name: string): number {
  const value = process.env[name];
  if (value === undefined || value === "") return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new Error(`${name} must be a port number, not "${value}".`);
  return n;
}

const CLI = path.join("dist", "cli", "stackspot-ado.js");

/** The command line the playground invites trying: built once, when missing (a fresh clone). */
function ensureCliBuilt(root: string): void {
  if (fs.existsSync(path.join(root, CLI))) return;
  process.stdout.write("Building the command line (first run)…\n");
  const r = spawnSync(process.execPath, [path.join(root, "scripts", "build-cli.js")], {
    cwd: root,
    stdio: "inherit",
  });
  if (r.status !== 0) throw new Error("building the command line failed (see above).");
}

async function main(): Promise<void> {
  const root = findRepoRoot(__dirname);
  ensureHubBuilt(root, (line) => process.stdout.write(`${line}\n`));
  ensureCliBuilt(root);
  // The contract checker reads the specs relative to its own source; bundled here it has no such
  // path.
  const emulator = await startEmulator({ contractCheck: false });
  seedDemo(emulator);
  // About 30 more projects in every state, for the organization view.
  process.stdout.write("Seeding the organization's projects…\n");
  await seedOrgDemo(emulator);
  const host = await startTestHost({
    emulator,
    defaultProject: DEMO_PROJECT,
    hostPort: port("PLAYGROUND_PORT"),
    extensionPort: port("PLAYGROUND_CDN_PORT"),
  }).catch(async (e: unknown) => {
    await emulator.stop();
    throw e;
  });
  process.stdout.write(
    [
      "",
      "StackSpot for Azure DevOps — playground",
      `  Project hub:       ${host.url}`,
      `  Organization view: ${host.organizationPageUrl()}`,
      `  The hubs run in a local stand-in for Azure DevOps (organization ${emulator.organization}, project ${DEMO_PROJECT}),`,
      "  against a local Azure DevOps REST emulator. Use any client id, key and realm: nothing leaves this machine.",
      `  Dark theme: ${host.hubPageUrl(DEMO_PROJECT, { theme: "dark" })}`,
      `              ${host.organizationPageUrl({ theme: "dark" })}`,
      "",
      "  The command line, against the same organization (in another terminal, here):",
      `    Organization URL: ${emulator.orgUrl}`,
      `    Token: ${emulator.token} (the emulator's own; it opens nothing else)`,
      `    AZURE_DEVOPS_EXT_PAT=${emulator.token} node ${CLI} status ` +
        `--org-url ${emulator.orgUrl} --project ${DEMO_PROJECT}`,
      "",
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.stop();
    await emulator.stop();
    process.stdout.write("Playground stopped.\n");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  process.stderr.write(`playground: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
