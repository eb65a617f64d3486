// `npm start` on a fresh clone: a clone of the committed repository (its node_modules linked, as
// `npm ci` would install them) builds the hub, starts the emulator and the test host, and prints a
// URL where a person completes a set-up by clicking.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Browser } from "playwright-core";
import { findRepoRoot } from "../host/httpUtil";
import { launchChromium } from "./browser";
import {
  pressApply,
  typeCredentials,
  waitForApplyLabel,
  waitForChecklist,
  waitForSetupEnd,
} from "./hubActions";

// Cloning, building the hub (webpack, on 2 shared cores) and a set-up.
jest.setTimeout(300_000);

const root = findRepoRoot(__dirname);
let dir: string;
let child: ChildProcess | undefined;
let browser: Browser | undefined;
let output = "";

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackspot-playground-"));
  const clone = spawnSync(
    "git",
    ["clone", "--quiet", "--no-hardlinks", root, path.join(dir, "repo")],
    { encoding: "utf8" },
  );
  if (clone.status !== 0) throw new Error(`git clone failed: ${clone.stderr}`);
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "repo", "node_modules"), "dir");
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null && child.pid) {
    // The process group npm started (npm, node): only ours.
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    process.kill(-child.pid, "SIGINT");
    await exited;
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function waitForUrl(proc: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Project hub: +(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    proc.stdout!.on("data", onData);
    proc.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    proc.once("exit", (code) =>
      reject(new Error(`npm start exited (${code}) before printing a URL:\n${output}`)),
    );
  });
}

test("npm start on a fresh clone serves a playground where a set-up completes by clicks", async () => {
  const repo = path.join(dir, "repo");
  expect(fs.existsSync(path.join(repo, "dist"))).toBe(false);
  child = spawn("npm", ["start"], {
    cwd: repo,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PLAYGROUND_PORT: "0" },
  });
  const url = await waitForUrl(child);
  expect(output).toContain("Building the hub");

  browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(url);
  const hub = page.frameLocator("#hub-frame");
  await waitForChecklist(hub);
  await typeCredentials(hub, {
    clientId: "demo-client",
    clientKey: "demo-key-not-shown",
    realm: "demo-realm",
  });
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("complete");
  await waitForApplyLabel(hub, "Up to date");
  expect(output).not.toContain("demo-key-not-shown");
});
