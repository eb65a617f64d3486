// The packed command line (npm run pack:cli) installs and runs from its tarball alone: into an
// empty directory, offline, with a private npm cache; then `npx stackspot-ado --help` and
// `npx stackspot-ado doctor` against the emulator. The tarball holds the bundle, its README and
// the LICENSE, and declares no dependency.
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { useEmulator } from "../emulator/useEmulator";
import { secretForms } from "../cli/harness";
import { REPO_ROOT } from "./support/paths";

jest.setTimeout(300_000);
const emu = useEmulator();
let work: string;
let tarball: string;

beforeAll(() => {
  const packed = spawnSync(process.execPath, [path.join(REPO_ROOT, "scripts", "pack-cli.js")], {
    cwd: REPO_ROOT,
    encoding: "utf8",
  });
  if (packed.status !== 0) throw new Error(`pack:cli failed:\n${packed.stdout}${packed.stderr}`);
  tarball = path.join(REPO_ROOT, /pack-cli: (\S+)/.exec(packed.stdout)![1]);
  work = fs.mkdtempSync(path.join(os.tmpdir(), "stackspot-ado-pack-"));
});
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** npm and npx with nothing of this machine's npm set-up: a private cache, offline. */
function npmEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: work,
    npm_config_cache: path.join(work, ".npm-cache"),
    npm_config_offline: "true",
    npm_config_update_notifier: "false",
    npm_config_fund: "false",
    npm_config_audit: "false",
    ...extra,
  };
}

function run(command: string, args: string[], env: Record<string, string>, cwd: string) {
  return new Promise<{ code: number | null; all: string; stdout: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, all: `${stdout}\n${stderr}` }));
  });
}

it("holds the bundle, README and LICENSE, and no dependency", () => {
  const listing = spawnSync("tar", ["-tzf", tarball], { encoding: "utf8" }).stdout.trim();
  expect(listing.split("\n").sort()).toEqual([
    "package/LICENSE",
    "package/README.md",
    "package/package.json",
    "package/stackspot-ado.js",
    "package/undici.js",
    "package/vendor.js",
  ]);
  const manifest = JSON.parse(
    spawnSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }).stdout,
  );
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8"));
  expect(manifest).toMatchObject({
    name: "stackspot-ado",
    version,
    bin: { "stackspot-ado": "stackspot-ado.js" },
  });
  expect(manifest.dependencies).toBeUndefined();
});

it("installs offline into an empty directory and runs --help and doctor with npx", async () => {
  const install = await run(
    "npm",
    ["install", "--offline", "--no-audit", "--no-fund", tarball],
    npmEnv(),
    work,
  );
  expect({ code: install.code, all: install.all }).toMatchObject({ code: 0 });
  expect(fs.existsSync(path.join(work, "node_modules", "stackspot-ado", "stackspot-ado.js"))).toBe(
    true,
  );

  const help = await run("npx", ["--offline", "stackspot-ado", "--help"], npmEnv(), work);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/doctor {3}check the organization/);

  emu.addProject("Packed");
  const doctor = await run(
    "npx",
    ["--offline", "stackspot-ado", "doctor", "--org-url", emu.orgUrl, "--project", "Packed"],
    npmEnv({ AZURE_DEVOPS_EXT_PAT: emu.token }),
    work,
  );
  expect(doctor.code).toBe(0);
  expect(doctor.stdout).toMatch(/^✓ extension: the StackSpot extension is installed/m);
  for (const out of [install.all, help.all, doctor.all])
    for (const form of secretForms(emu.token)) expect(out).not.toContain(form);
});
