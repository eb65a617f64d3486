// What the task bundle leaves out (scripts/lib/task-bundle-trims.js) must stay out, and a path that
// needs it must fail by name rather than misbehave. A probe is bundled with the same plugin the
// task build uses and run as a Node process, the way the agent runs the task.
import { spawnSync } from "child_process";
import * as esbuild from "esbuild";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BUNDLE, REPO_ROOT, TASK_NODE, TASK_SOURCE_DIR } from "./support/agent";
import { buildBundle } from "./support/bundle";

const { taskBundleTrims } = require(path.join(REPO_ROOT, "scripts", "lib", "task-bundle-trims.js"));

/** Calls each left-out path and reports what it threw; loc runs with a German agent culture. */
const PROBE = `
const tl = require("azure-pipelines-task-lib/task");
const util = require("typed-rest-client/Util");
const outcome = (run) => { try { return { value: run() }; } catch (e) { return { error: e.name, message: e.message }; } };
tl.setResourcePath(process.env.PROBE_TASK_JSON);
console.log(JSON.stringify({
  loc: tl.loc("LIB_InputRequired", "executionId"),
  match: outcome(() => tl.match(["a.txt"], "*.txt")),
  filter: outcome(() => tl.filter("*.txt")),
  query: outcome(() => util.getUrl("x", "https://example.invalid/", { params: { a: 1 } })),
  plainUrl: outcome(() => util.getUrl("x", "https://example.invalid/")),
}));
`;

async function runProbe(): Promise<Record<string, any>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stk-trims-"));
  try {
    const outfile = path.join(dir, "probe.js");
    await esbuild.build({
      stdin: { contents: PROBE, resolveDir: REPO_ROOT, loader: "js" },
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      outfile,
      logLevel: "silent",
      plugins: [taskBundleTrims()],
    });
    const result = spawnSync(TASK_NODE, [outfile], {
      encoding: "utf8",
      env: {
        PATH: process.env.PATH,
        SYSTEM_CULTURE: "de-DE",
        PROBE_TASK_JSON: path.join(TASK_SOURCE_DIR, "task.json"),
      },
    });
    expect(result.stderr).toBe("");
    const line = result.stdout.split("\n").find((l) => l.startsWith("{"));
    return JSON.parse(line ?? "null");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the task bundle's trims", () => {
  let probe: Record<string, any>;
  beforeAll(async () => {
    buildBundle();
    probe = await runProbe();
  });

  test("task-lib's messages are English on a German agent", () => {
    expect(probe.loc).toBe("Input required: executionId");
  });

  test("minimatch's paths throw RemovedFromBundleError, naming the member", () => {
    expect(probe.match).toMatchObject({ error: "RemovedFromBundleError" });
    expect(probe.match.message).toMatch(/^minimatch\.match was left out/);
    expect(probe.filter).toMatchObject({ error: "RemovedFromBundleError" });
  });

  test("a query string needs qs and throws; a plain URL, as downloadTool builds, works", () => {
    expect(probe.query).toMatchObject({ error: "RemovedFromBundleError" });
    expect(probe.query.message).toMatch(/^qs\.stringify was left out/);
    expect(probe.plainUrl).toEqual({ value: "https://example.invalid/x" });
  });

  test("the shipped bundle holds no other language, no qs and no minimatch", () => {
    const code = fs.readFileSync(BUNDLE, "utf8");
    const resources = require("azure-pipelines-task-lib/lib-resource.js");
    const german = resources.localizedMessages["de-DE"]["loc.messages.LIB_InputRequired"];
    expect(german).toBeTruthy();
    expect(code).not.toContain(german);
    expect(code).toContain("Input required: %s");
    expect(code).toContain("RemovedFromBundleError");
    const meta = JSON.parse(
      fs.readFileSync(path.join(REPO_ROOT, ".tmp", "build", "stackspot-resume.meta.json"), "utf8"),
    );
    const inputs = Object.keys((Object.values(meta.outputs)[0] as any).inputs);
    expect(inputs.filter((i) => /node_modules\/(qs|minimatch|side-channel)\//.test(i))).toEqual([]);
  });
});
