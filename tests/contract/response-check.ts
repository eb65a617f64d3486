// Checks a response of a matched operation: the status is declared (or a known extra success
// status, or a standard error with the service's error body), and a 2xx JSON body fits the declared
// schema, unwrapping list responses as the wire sends them (see LIST_WRAPPING).
import { isRawContent, jsonType, readBody } from "./body-values";
import {
  EMPTY_SUCCESS_BODIES,
  EXTRA_SUCCESS_STATUSES,
  LIST_WRAPPING,
  SERVICE_OMITTED_FIELDS,
  STANDARD_ERRORS,
} from "./known-differences";
import { expectsJson, queryValue, RequestFormat } from "./media-type";
import type { SpecOperation, SwaggerSchema } from "./spec-index";
import { describeErrors, validatorFor } from "./validators";

const extraStatuses = new Map<string, Set<number>>();
for (const e of EXTRA_SUCCESS_STATUSES) {
  if (!extraStatuses.has(e.operationId)) extraStatuses.set(e.operationId, new Set());
  extraStatuses.get(e.operationId)!.add(e.status);
}

/** `$format` values and the media types they stand for. */
const DOLLAR_FORMAT_TYPES: Record<string, string> = {
  json: "application/json",
  text: "text/plain",
  zip: "application/zip",
  octetstream: "application/octet-stream",
};

export function checkResponseAgainst(
  op: SpecOperation,
  format: RequestFormat,
  query: Record<string, string>,
  status: number,
  body: unknown,
): string[] {
  if (status >= 200 && status < 300) return checkSuccess(op, format, query, status, body);
  if (STANDARD_ERRORS.statuses.includes(status)) return checkErrorBody(body, status);
  return [
    `status ${status} is neither declared (${declared(op)}) nor a standard error status (${STANDARD_ERRORS.statuses.join(", ")})`,
  ];
}

function declared(op: SpecOperation): string {
  return [...op.responses.keys()].join(", ") || "none";
}

function checkSuccess(
  op: SpecOperation,
  format: RequestFormat,
  query: Record<string, string>,
  status: number,
  body: unknown,
): string[] {
  let schema: SwaggerSchema | undefined;
  if (op.responses.has(status)) schema = op.responses.get(status);
  else if (extraStatuses.get(op.operationId)?.has(status)) schema = firstSuccessSchema(op);
  else return [`status ${status} is not declared by the spec (declared: ${declared(op)})`];

  if (!expectsJson(format, query)) {
    const dollarFormat = queryValue(query, "$format");
    const wanted = (
      dollarFormat !== undefined
        ? (DOLLAR_FORMAT_TYPES[dollarFormat.toLowerCase()] ?? dollarFormat)
        : (format.acceptType ?? "")
    ).toLowerCase();
    const produces = op.produces.map((p) => p.toLowerCase());
    const problems: string[] = [];
    if (produces.length > 0 && !produces.includes(wanted)) {
      problems.push(
        `the request asked for "${wanted}" but the operation produces ${op.produces.join(", ")}`,
      );
    }
    if (body !== undefined && body !== null && !isRawContent(body))
      problems.push(
        `a ${wanted} response must be raw content (text or bytes), got ${jsonType(body)}`,
      );
    return problems;
  }
  if (!schema) return [];
  const read = readBody(body);
  if (!read.present) {
    if (EMPTY_SUCCESS_BODIES.operationIds.includes(op.operationId)) return [];
    return [
      `status ${status} must carry a JSON body (${describeSchema(schema)}) (only ${EMPTY_SUCCESS_BODIES.operationIds.join(", ")} may answer none: known difference ${EMPTY_SUCCESS_BODIES.id})`,
    ];
  }
  if ("unparsable" in read) return [`response body is not JSON: ${read.unparsable}`];
  let value = read.value;
  const problems: string[] = [];
  if (schema.type === "array") {
    if (format.noArrayWrap) {
      if (!Array.isArray(value))
        return [
          `the request said noArrayWrap=true, so the list must be a bare array, got ${jsonType(value)} (known difference ${LIST_WRAPPING.id})`,
        ];
    } else {
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        return [
          `a list response is wrapped as {count, value} unless the request says noArrayWrap=true; got ${jsonType(value)} (known difference ${LIST_WRAPPING.id})`,
        ];
      }
      const wrapper = value as Record<string, unknown>;
      if (!Array.isArray(wrapper.value))
        return [
          `body.value must be an array, got ${jsonType(wrapper.value)} (known difference ${LIST_WRAPPING.id})`,
        ];
      if (wrapper.count !== wrapper.value.length)
        problems.push(
          `body.count (${String(wrapper.count)}) must equal the number of items in body.value (${wrapper.value.length})`,
        );
      value = wrapper.value;
    }
  }
  const mode = {
    side: "response" as const,
    enumsAsNumbers: format.enumsAsNumbers,
    msDateFormat: format.msDateFormat,
    strictObjects: false,
  };
  const validate = validatorFor(
    op.doc,
    mode,
    `res:${op.method}:${op.template}:${op.operationId}:${status}`,
    schema,
  );
  if (!validate(value))
    problems.push(
      ...describeErrors(
        validate.errors,
        schema.type === "array" && !format.noArrayWrap ? "body.value" : "body",
      ),
    );
  problems.push(...omittedFieldsPresent(op, value));
  return problems;
}

/**
 * Fields the spec declares but the service leaves out of this operation's answer: an answer that
 * carries one does not behave as the service (SERVICE_OMITTED_FIELDS).
 */
function omittedFieldsPresent(op: SpecOperation, value: unknown): string[] {
  const items = Array.isArray(value) ? value : [value];
  const problems: string[] = [];
  for (const rule of SERVICE_OMITTED_FIELDS) {
    if (rule.operationId !== op.operationId) continue;
    for (const field of rule.paths)
      if (items.some((item) => fieldAt(item, field) !== undefined))
        problems.push(
          `the service answers ${op.operationId} without "${field}" (known difference ${rule.id})`,
        );
  }
  return problems;
}

function fieldAt(value: unknown, dotted: string): unknown {
  let at: unknown = value;
  for (const key of dotted.split(".")) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

function firstSuccessSchema(op: SpecOperation): SwaggerSchema | undefined {
  for (const [s, schema] of op.responses) if (s >= 200 && s < 300) return schema;
  return undefined;
}

function describeSchema(schema: SwaggerSchema): string {
  if (typeof schema.$ref === "string") return schema.$ref.replace("#/definitions/", "");
  return String(schema.type ?? "a value");
}

function checkErrorBody(body: unknown, status: number): string[] {
  const read = readBody(body);
  const shape = Object.keys(STANDARD_ERRORS.bodyFields).join(", ");
  if (!read.present)
    return [`error status ${status} must carry the service's error body {${shape}}`];
  if ("unparsable" in read) return [`error body is not JSON: ${read.unparsable}`];
  const v = read.value;
  if (typeof v !== "object" || v === null || Array.isArray(v))
    return [`error body must be an object {${shape}}, got ${jsonType(v)}`];
  const obj = v as Record<string, unknown>;
  const problems: string[] = [];
  for (const [field, kind] of Object.entries(STANDARD_ERRORS.bodyFields)) {
    if (!(field in obj)) {
      problems.push(`error body lacks "${field}" (the service always sends ${shape})`);
      continue;
    }
    const t = jsonType(obj[field]);
    const ok =
      kind === "object|null"
        ? t === "object" || t === "null"
        : kind === "integer"
          ? t === "integer"
          : t === kind;
    if (!ok) problems.push(`error body "${field}" must be ${kind}, got ${t}`);
  }
  if (typeof obj.message === "string" && obj.message.trim() === "")
    problems.push("error body message must not be empty");
  return problems;
}
