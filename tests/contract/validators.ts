// Compiled ajv validators, created lazily (per spec document × validation mode × operation part)
// and kept for the life of the process: the checker runs on every emulator request.
import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { modeKey, SchemaConverter, ValidationMode } from "./schema-convert";
import type { SpecDocument, SwaggerSchema } from "./spec-index";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const MS_DATE = /^\/Date\(-?\d+([+-]\d{4})?\)\/$/;
const INTEGER_NAME = /^-?\d+$/;

interface Engine {
  ajv: Ajv;
  converter: SchemaConverter;
  compiled: Map<string, ValidateFunction>;
}

const engines = new Map<string, Engine>();

export function isIsoDateTime(s: string): boolean {
  return ISO_DATE_TIME.test(s) && !Number.isNaN(Date.parse(s));
}

export function isMsDate(s: string): boolean {
  return MS_DATE.test(s);
}

function engine(doc: SpecDocument, mode: ValidationMode): Engine {
  const key = `${doc.file}|${modeKey(mode)}`;
  const existing = engines.get(key);
  if (existing) return existing;
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    validateSchema: false,
    addUsedSchema: false,
  });
  addFormats(ajv, ["int32", "uuid"]);
  ajv.addFormat("ado-int16", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -32768 && n <= 32767,
  });
  ajv.addFormat("ado-int64", { type: "number", validate: (n: number) => Number.isSafeInteger(n) });
  ajv.addFormat("ado-date-time", {
    type: "string",
    validate: (s: string) => isIsoDateTime(s) || (mode.msDateFormat && isMsDate(s)),
  });
  ajv.addKeyword({
    keyword: "adoEnum",
    schemaType: "object",
    errors: true,
    compile(schema: { values: string[]; kind: "input" | "number" | "name" }) {
      const exact = new Set(schema.values);
      const folded = new Set(schema.values.map((v) => v.toLowerCase()));
      const allowed = schema.values.join(", ");
      const fn = (data: unknown): boolean => {
        let ok: boolean;
        let expected: string;
        if (schema.kind === "number") {
          ok = typeof data === "number" && Number.isInteger(data);
          expected = "an enum number (the request said enumsAsNumbers=true)";
        } else if (schema.kind === "name") {
          ok = typeof data === "string" && data.split(",").every((p) => exact.has(p.trim()));
          expected = `one of ${allowed}`;
        } else {
          ok =
            (typeof data === "number" && Number.isInteger(data)) ||
            (typeof data === "string" &&
              data
                .split(",")
                .every((p) => folded.has(p.trim().toLowerCase()) || INTEGER_NAME.test(p.trim())));
          expected = `one of ${allowed} (any case) or an enum number`;
        }
        if (!ok)
          (fn as unknown as { errors: Partial<ErrorObject>[] }).errors = [
            { keyword: "adoEnum", message: `must be ${expected}`, params: {} },
          ];
        return ok;
      };
      return fn;
    },
  });
  const converter = new SchemaConverter(doc, mode);
  ajv.addSchema(converter.definitionsSchema());
  const created: Engine = { ajv, converter, compiled: new Map() };
  engines.set(key, created);
  return created;
}

/**
 * A validator for `schema` (an operation's body or response schema); `cacheKey` names it uniquely
 * per doc.
 */
export function validatorFor(
  doc: SpecDocument,
  mode: ValidationMode,
  cacheKey: string,
  schema: SwaggerSchema,
): ValidateFunction {
  const e = engine(doc, mode);
  let fn = e.compiled.get(cacheKey);
  if (!fn) {
    fn = e.ajv.compile(e.converter.convert(schema));
    e.compiled.set(cacheKey, fn);
  }
  return fn;
}

/** ajv errors as short sentences: "/refUpdates must be array". */
export function describeErrors(
  errors: ErrorObject[] | null | undefined,
  prefix: string,
  limit = 8,
): string[] {
  if (!errors) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const where = `${prefix}${err.instancePath}`;
    let text = `${where} ${err.message ?? "is invalid"}`;
    if (err.keyword === "additionalProperties") {
      text = `${where} has property "${(err.params as { additionalProperty: string }).additionalProperty}" that the spec does not declare`;
    }
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(text);
    if (out.length >= limit) break;
  }
  return out;
}
