// Validates a task.json against Microsoft's task schema (tests/fixtures/schemas/task.schema.json).
// The schema declares draft-04, which Ajv 8 no longer ships. Draft-04 differs from Ajv's default
// draft in a few keywords only: "id" (now "$id"), and exclusiveMinimum/exclusiveMaximum (booleans
// in draft-04, numbers later). The loader refuses a schema that uses the latter, so dropping the
// draft markers cannot silently change what the schema means.
import Ajv, { ErrorObject } from "ajv";
import * as fs from "fs";
import { TASK_SCHEMA_FILE } from "../../../../tests/reference/paths";

function usesDraft04OnlyKeywords(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  return Object.entries(node as Record<string, unknown>).some(
    ([key, value]) =>
      ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "boolean") ||
      usesDraft04OnlyKeywords(value),
  );
}

export type TaskValidator = (taskJson: unknown) => string[];

export function loadTaskSchemaValidator(): TaskValidator {
  const text = fs.readFileSync(TASK_SCHEMA_FILE, "utf8").replace(/^\uFEFF/, "");
  const schema = JSON.parse(text) as Record<string, unknown>;
  if (!String(schema.$schema).includes("draft-04"))
    throw new Error(`unexpected schema draft ${String(schema.$schema)}`);
  if (usesDraft04OnlyKeywords(schema))
    throw new Error(
      "the schema uses draft-04 boolean exclusiveMinimum/Maximum; load it with a draft-04 validator",
    );
  delete schema.$schema;
  delete schema.id;
  // The schema writes patterns such as `connectedService\:.+`, valid JavaScript but not under the u
  // flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  const validate = ajv.compile(schema);
  return (taskJson) => {
    if (validate(taskJson)) return [];
    return (validate.errors ?? []).map(
      (e: ErrorObject) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`,
    );
  };
}
