// The layering in docs/ARCHITECTURE.md is enforced by lint: an import that crosses a boundary
// fails `npm run lint` (and so `npm test`). Each case lints one line of source as if it were a
// file at the given path, with the repository's own ESLint configuration, in a real Node process
// (ESLint loads its flat config with a dynamic import, which jest's module sandbox cannot do).
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const root = path.resolve(__dirname, "../..");

const mustFail: [string, string, string][] = [
  ["src/setup/x.ts", 'import "../hub/HubPage";', "engine imports the hub"],
  ["src/setup/plan/x.ts", 'import "../../cli/cli";', "engine imports the CLI"],
  ["src/setup/x.ts", 'import "react";', "engine imports React"],
  ["src/ado/x.ts", 'import "../setup";', "access layer imports the engine"],
  ["src/hub/x.ts", 'import "../cli/report";', "hub imports the CLI"],
  ["src/cli/x.ts", 'import "../hub/describeError";', "CLI imports the hub"],
  ["tasks/StackSpotResume/src/x.ts", 'import "../../../src/ado";', "task imports src/"],
  ["src/errors/x.ts", 'import "../ado";', "the error shape imports the product"],
];
const mayPass: [string, string][] = [
  ["src/setup/x.ts", 'import "../ado";'],
  ["src/setup/x.ts", 'import "../errors/userError";'],
  ["src/hub/x.ts", 'import "../setup";'],
  ["src/cli/x.ts", 'import "../setup";'],
  ["tasks/StackSpotResume/src/x.ts", 'import "./errors";'],
];

/** For each [file, source], the messages of no-restricted-imports, from one ESLint process. */
function lintImports(cases: [string, string][]): string[][] {
  const script = `
    const { ESLint } = require("eslint");
    const cases = JSON.parse(process.argv[1]);
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const out = [];
      for (const [file, source] of cases) {
        const [r] = await eslint.lintText(source + "\\n", { filePath: file });
        out.push(r.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const run = spawnSync(process.execPath, ["-e", script, JSON.stringify(cases)], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const results = lintImports([...mustFail.map(([f, s]) => [f, s] as [string, string]), ...mayPass]);

test.each(mustFail.map((c, i) => [...c, i] as const))(
  "%s: %s fails lint (%s)",
  (_file, _source, _why, i) => {
    expect(results[i]).toHaveLength(1);
  },
);

test.each(mayPass.map((c, i) => [...c, mustFail.length + i] as const))(
  "%s: %s is allowed",
  (_file, _source, i) => {
    expect(results[i]).toEqual([]);
  },
);
