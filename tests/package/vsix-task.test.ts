// The task as installed: the task folder of the unzipped .vsix, run from there through the task's
// own harness (tasks/StackSpotResume/tests/support, option `taskDir`) on its happy path, with a
// StackSpot service connection as the set-up writes one. The harness reads that folder's index.js
// and task.json (its input defaults), so nothing of the repository's build stands in for the
// package.
//
// The package's task folder is also compared, byte for byte, with the build
// (dist/task/StackSpotResume) that the task's own tests exercise: those tests then cover what
// ships.
import * as fs from "fs";
import * as path from "path";
import {
  BUNDLE_DIR,
  runTask,
  stkArgumentLists,
} from "../../tasks/StackSpotResume/tests/support/agent";
import { freshKey } from "../../tasks/StackSpotResume/tests/support/credentials";
import { useAgent } from "../../tasks/StackSpotResume/tests/support/use-agent";
import { REPO_ROOT } from "./support/paths";
import { contributions, TASK_TYPE } from "./support/references";
import { buildPackage, Vsix } from "./support/vsix";

const CONNECTION_ID = "0d7f3c1e-6a2b-4f4e-9c7d-5e8a1b2c3d4f";

let unpackedTask: string;
let unpacked: string;
// No bundle rebuild here: the package is made from the current build (dist/), which the first test
// compares.
const agent = useAgent({ scope: "all", installer: { version: "5.3.1" }, buildBundle: false });

/** Relative path → content of every file under a folder. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full).split(path.sep).join("/"), fs.readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

beforeAll(async () => {
  const vsix = new Vsix(buildPackage("release").vsixPath);
  unpacked = vsix.extractTo(path.join(REPO_ROOT, ".tmp", "package-tests", `task-${process.pid}`));
  const taskDir = String(contributions(vsix).find((c) => c.type === TASK_TYPE)!.properties!.name);
  unpackedTask = path.join(unpacked, taskDir);
}, 180_000);

afterAll(async () => {
  if (unpacked) fs.rmSync(unpacked, { recursive: true, force: true });
});

test("the packaged task folder is the build the task's own tests run, file for file", () => {
  const packaged = filesOf(unpackedTask);
  const harness = filesOf(BUNDLE_DIR);
  expect([...packaged.keys()].sort()).toEqual([...harness.keys()].sort());
  const differing = [...packaged]
    .filter(([name, bytes]) => !bytes.equals(harness.get(name)!))
    .map(([name]) => name);
  expect(differing).toEqual([]);
  expect(packaged.has("index.js")).toBe(true);
});

test("the packaged task installs the CLI, logs in with a StackSpot service connection and resumes the workflow", async () => {
  const key = freshKey();
  const run = await runTask(agent.sandbox, {
    taskDir: unpackedTask,
    inputs: { executionId: "01JPKG-exec_7", ...agent.server.inputs },
    connection: {
      id: CONNECTION_ID,
      clientId: "pkg-client-id",
      clientKey: key,
      realm: "pkg-realm",
    },
    secrets: [key],
  });
  expect(run.result).toBe("Succeeded");
  expect(run.resultMessage).toBe("StackSpot workflow execution 01JPKG-exec_7 resumed.");
  expect(stkArgumentLists(run)).toEqual([
    ["--version"],
    ["upgrade"],
    ["login", "--client-id", "pkg-client-id", "--client-key", key, "--realm", "pkg-realm"],
    ["resume", "workflow", "01JPKG-exec_7"],
  ]);
  // runTask has already searched every output of the run for the key (the harness's leak check).
}, 120_000);
