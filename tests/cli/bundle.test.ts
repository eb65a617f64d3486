// The built command line's files (scripts/build-cli.js): the bin holds only our code, so --help
// and --version start without reading the packages (vendor.js) or undici (undici.js), and no file
// carries the whatwg-fetch polyfill that Node 20 does not need.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI, ensureBuilt } from "./harness";

const DIST = path.dirname(CLI);

beforeAll(ensureBuilt);

function runAlone(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stk-cli-alone-"));
  try {
    fs.copyFileSync(CLI, path.join(dir, "stackspot-ado.js"));
    const r = spawnSync(process.execPath, [path.join(dir, "stackspot-ado.js"), ...args], {
      encoding: "utf8",
      env: { PATH: process.env.PATH ?? "" },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("--help and --version run from the bin alone, without vendor.js or undici.js", () => {
  const help = runAlone(["--help"]);
  expect(help.stderr).toBe("");
  expect(help.status).toBe(0);
  expect(help.stdout).toContain("stackspot-ado");
  const version = runAlone(["--version"]);
  expect(version.status).toBe(0);
  expect(version.stdout).toMatch(/^stackspot-ado \d+\.\d+\.\d+/);
});

test("a command loads the engine from vendor.js, beside the bin", () => {
  const run = runAlone(["status", "--org-url", "http://127.0.0.1:9", "--project", "P"]);
  expect(run.status).not.toBe(0);
  expect(run.stderr).toMatch(/internal error|vendor\.js/);
});

test("the bin is our code only, and no file holds the whatwg-fetch polyfill", () => {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
  expect(files.sort()).toEqual(["stackspot-ado.js", "undici.js", "vendor.js"]);
  // The polyfill itself (its feature tests read `self`), not the empty module left in its place.
  const polyfilled = files.filter((file) =>
    /node_modules\/whatwg-fetch\/|"FileReader" in self|'FileReader' in self/.test(
      fs.readFileSync(path.join(DIST, file), "utf8"),
    ),
  );
  expect(polyfilled).toEqual([]);
  const bin = fs.readFileSync(CLI, "utf8");
  const packagesInBin = [...bin.matchAll(/node_modules\/((?:@[^/]+\/)?[^/"]+)\//g)].map(
    (m) => m[1],
  );
  expect([...new Set(packagesInBin)]).toEqual([]);
  expect(fs.statSync(CLI).size).toBeLessThan(fs.statSync(path.join(DIST, "vendor.js")).size);
});
