// Validates a task.json against Microsoft's schema (tests/fixtures/schemas/task.schema.json). The
// schema is draft-04, which Ajv 8 does not load by name; the keywords it uses (type, properties,
// pattern, enum, required, $ref to #/definitions, additionalProperties) mean the same in Ajv's
// default draft, so the draft-04 markers ("$schema", "id") are dropped before compiling.
import Ajv, { ErrorObject } from "ajv";
import addFormats from "ajv-formats";
import * as fs from "fs";
import { TASK_SCHEMA_FILE } from "../../reference/paths";

let validator: (((data: unknown) => boolean) & { errors?: ErrorObject[] | null }) | undefined;

/** The schema's complaints about a task.json, as readable lines; empty when it is valid. */
export function taskJsonProblems(taskJson: unknown): string[] {
  if (!validator) {
    const text = fs.readFileSync(TASK_SCHEMA_FILE, "utf8");
    const schema = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as Record<
      string,
      unknown
    >;
    delete schema.$schema;
    delete schema.id;
    // The schema writes patterns like `connectedService\:.+`: valid in JavaScript, not under the u
    // flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  if (validator(taskJson)) return [];
  return (validator.errors ?? []).map(
    (e) => `${e.instancePath || "/"} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ""}`,
  );
}
