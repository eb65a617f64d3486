import * as fs from "fs";
import * as path from "path";
import { BUNDLE_DIR, REPO_ROOT, TASK_SOURCE_DIR } from "./support/agent";
import { buildBundle } from "./support/bundle";
import { loadTaskSchemaValidator, TaskValidator } from "./support/task-schema";

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

describe("task.json", () => {
  let validate: TaskValidator;
  const source = readJson(path.join(TASK_SOURCE_DIR, "task.json"));

  beforeAll(() => {
    buildBundle();
    validate = loadTaskSchemaValidator();
  });

  test("the source and the packaged task.json validate against the task schema", () => {
    expect(validate(source)).toEqual([]);
    expect(validate(readJson(path.join(BUNDLE_DIR, "task.json")))).toEqual([]);
  });

  test("the validator refuses a task.json that breaks the schema", () => {
    const broken = {
      ...source,
      name: "Stack Spot Resume",
      inputs: [{ name: "x", label: "x", type: "pickles" }],
      unknownField: 1,
    };
    const problems = validate(broken);
    expect(problems.join("\n")).toMatch(/\/name/);
    expect(problems.join("\n")).toMatch(/\/inputs\/0\/type/);
    expect(problems.join("\n")).toMatch(/unknownField/);
  });

  test("keeps the public interface: fixed id, name, major 1, both Node handlers, execution id in the instance name", () => {
    expect(source.id).toBe("87a7ed8a-898d-4a9e-8cee-1aef3d9a5ef3");
    expect(source.name).toBe("StackSpotResume");
    expect(source.version).toEqual({ Major: 1, Minor: 0, Patch: 0 });
    expect(Object.keys(source.execution).sort()).toEqual(["Node20_1", "Node24"]);
    // 3.232.1 is the first agent with the Node20_1 handler; newer agents (4.265.1+) pick Node24.
    expect(source.minimumAgentVersion).toBe("3.232.1");
    expect(source.instanceNameFormat).toContain("$(executionId)");
  });

  test("declares the inputs users write in YAML, with their types and defaults", () => {
    const inputs = Object.fromEntries(
      source.inputs.map(
        (i: { name: string; type: string; defaultValue?: unknown; required?: boolean }) => [
          i.name,
          [i.type, i.defaultValue, !!i.required],
        ],
      ),
    );
    expect(inputs).toEqual({
      executionId: ["string", undefined, true],
      stackspotServiceConnection: ["connectedService:stackspot", undefined, false],
      clientId: ["string", "$(STK_CLIENT_ID)", false],
      clientKey: ["string", "$(STK_CLIENT_KEY)", false],
      realm: ["string", "$(STK_REALM)", false],
      upgradeCli: ["boolean", true, false],
      debug: ["boolean", false, false],
      installerBaseUrl: ["string", "https://stk.stackspot.com", false],
      allowInsecureInstaller: ["boolean", false, false],
      installerSha256: ["string", undefined, false],
      cliTimeoutSeconds: ["string", "0", false],
    });
    const advanced = source.inputs
      .filter((i: { groupName?: string }) => i.groupName === "advanced")
      .map((i: { name: string }) => i.name);
    expect(advanced).toEqual([
      "installerBaseUrl",
      "allowInsecureInstaller",
      "installerSha256",
      "cliTimeoutSeconds",
    ]);
  });

  test("the packaged task.json takes Minor and Patch from package.json and points both handlers at the bundle", () => {
    const packaged = readJson(path.join(BUNDLE_DIR, "task.json"));
    const [major, minor, patch] = readJson(path.join(REPO_ROOT, "package.json"))
      .version.split(".")
      .map(Number);
    expect(major).toBe(1);
    expect(packaged.version).toEqual({ Major: 1, Minor: minor, Patch: patch });
    for (const handler of Object.values(packaged.execution) as Array<{ target: string }>) {
      expect(fs.existsSync(path.join(BUNDLE_DIR, handler.target))).toBe(true);
    }
    expect({ ...packaged, version: source.version }).toEqual(source);
  });
});
