// Validates the generated /stackspot.yml against Microsoft's Azure Pipelines YAML schema
// (the copy in tests/fixtures/schemas/azure-pipelines.schema.json, draft-07).
//
// What we found: the schema lists every task it knows in a closed set — `task` must match one of
// ~260 names, and each name carries its own closed `inputs` object — so ANY custom task, ours
// included, fails it. We do not hide that. The test shows (1) that the unmodified schema's errors
// all sit on our one task step (and on the anyOf/oneOf branches that contain it), i.e. nothing else
// in the file is wrong; and (2) that the file validates once the schema knows StackSpotResume@1,
// entered exactly as the schema's generator enters a task — a name entry plus a closed inputs
// object — built from our real tasks/StackSpotResume/task.json.
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { renderPipelineFile } from "../../src/setup";
import { PIPELINES_SCHEMA_FILE } from "../reference/paths";

const root = path.resolve(__dirname, "../..");
const readJson = (file: string) => JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
const STEP = "/stages/0/jobs/0/steps/0";

interface TaskInput {
  name: string;
  type: string;
  required?: boolean;
  label?: string;
}

/** The schema with StackSpotResume@1 added the way the schema's generator adds a task. */
function schemaKnowingOurTask(schema: any): any {
  const copy = JSON.parse(JSON.stringify(schema));
  const task = readJson(path.join(root, "tasks/StackSpotResume/task.json"));
  const id = `${task.name}@${task.version.Major}`;
  const inputs: TaskInput[] = task.inputs;
  const properties: Record<string, unknown> = {};
  for (const input of inputs)
    properties[input.name] = {
      type: input.type === "boolean" ? "boolean" : "string",
      description: input.label,
    };
  copy.definitions.task.properties.task.anyOf.push({ description: task.description, enum: [id] });
  copy.definitions.task.anyOf.push({
    properties: {
      task: { pattern: `^${id}$` },
      inputs: {
        properties,
        additionalProperties: false,
        required: inputs.filter((i) => i.required).map((i) => i.name),
      },
    },
    required: ["task"],
  });
  return copy;
}

function compile(schema: any): ValidateFunction {
  // The schema uses editor-only keywords (ignoreCase, firstProperty...) and patterns that are not
  // valid under the `u` flag; neither changes what it accepts.
  return new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(schema);
}

const schema = readJson(PIPELINES_SCHEMA_FILE);
const variants = {
  "hosted, service connection": renderPipelineFile({}),
  "self-hosted, secret variables": renderPipelineFile({
    pool: { kind: "self-hosted", queue: "Linux agents" },
    credentials: { kind: "variables" },
  }),
};

describe("the generated pipeline file against azure-pipelines.schema.json", () => {
  let original: ValidateFunction;
  let extended: ValidateFunction;
  beforeAll(() => {
    original = compile(schema);
    extended = compile(schemaKnowingOurTask(schema));
  });

  it.each(Object.entries(variants))(
    "%s: the unmodified schema rejects only the custom task step",
    (_name, text) => {
      const doc = parse(text);
      expect(original(doc)).toBe(false);
      const errors = original.errors as ErrorObject[];
      // Every error is on the task step, or on a branch (anyOf/oneOf) that holds it.
      const offTheStep = errors.filter(
        (e) => !(e.instancePath.startsWith(STEP) || STEP.startsWith(e.instancePath)),
      );
      expect(offTheStep).toEqual([]);
      expect(errors.some((e) => e.instancePath === `${STEP}/task`)).toBe(true);
    },
  );

  it.each(Object.entries(variants))(
    "%s: valid once the schema knows StackSpotResume@1",
    (_name, text) => {
      const ok = extended(parse(text));
      expect(extended.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    },
  );

  it("the extended schema still catches a mistake in our step (an unknown input)", () => {
    const doc = parse(variants["hosted, service connection"]);
    doc.stages[0].jobs[0].steps[0].inputs.clientSecret = "x";
    expect(extended(doc)).toBe(false);
  });
});
