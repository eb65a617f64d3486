import { spawnSync } from "child_process";
import * as fs from "fs";
import { builtinModules } from "module";
import * as os from "os";
import * as path from "path";
import { BUNDLE, BUNDLE_DIR, TASK_NODE } from "./support/agent";
import { buildBundle } from "./support/bundle";

describe("the packaged task", () => {
  beforeAll(buildBundle);

  test("is one JavaScript file under 160 KB, with no node_modules beside it", () => {
    expect(fs.readdirSync(BUNDLE_DIR).sort()).toEqual([
      "ThirdPartyNotices.txt",
      "icon.png",
      "index.js",
      "task.json",
    ]);
    expect(fs.statSync(BUNDLE).size).toBeLessThan(160 * 1024);
  });

  test("requires nothing at run time but Node's own modules (and its task.json, by path)", () => {
    const code = fs.readFileSync(BUNDLE, "utf8");
    const literal = [...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(literal.filter((name) => !builtins.has(name))).toEqual([]);
    // task-lib loads its resource file (our task.json) with require(path): the only dynamic
    // require.
    expect([...code.matchAll(/\brequire\(([^")][^)]*)\)/g)].length).toBe(1);
  });

  test("runs from a folder with no node_modules anywhere above it, and finds its messages", () => {
    const isolated = fs.mkdtempSync(path.join(os.tmpdir(), "stk-isolated-"));
    try {
      for (const file of fs.readdirSync(BUNDLE_DIR))
        fs.copyFileSync(path.join(BUNDLE_DIR, file), path.join(isolated, file));
      const temp = path.join(isolated, "_temp");
      fs.mkdirSync(temp); // the agent's temp directory always exists
      const result = spawnSync(TASK_NODE, [path.join(isolated, "index.js")], {
        cwd: isolated,
        encoding: "utf8",
        env: {
          PATH: process.env.PATH,
          AGENT_TEMPDIRECTORY: temp,
          AGENT_TOOLSDIRECTORY: path.join(isolated, "_tool"),
          INPUT_EXECUTIONID: "",
          INPUT_CLIENTID: "id",
          INPUT_CLIENTKEY: "key-0123456789",
          INPUT_REALM: "realm",
        },
      });
      expect(result.stderr).toBe("");
      expect(result.stdout).toContain(
        "##vso[task.complete result=Failed;]The input executionId is empty",
      );
      expect(result.stdout).not.toMatch(
        /Can't find loc string|Resource file haven't been set|LIB_ResourceFile does not exist/,
      );
      expect(result.stdout).not.toMatch(/Cannot find module/);
    } finally {
      fs.rmSync(isolated, { recursive: true, force: true });
    }
  });
});
