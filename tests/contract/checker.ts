// The REST contract checker: every request the product sends and every response the emulator
// returns is checked against Microsoft's Swagger specs (tests/fixtures/ado-rest-specs, versions 7.1
// and 7.2), with the deviations of the real service listed once in ./known-differences.ts.
//
// Decisions (see known-differences for the evidence):
// - api-version: from the query, else from the Accept header (where the extension-api clients put
//   it); required; 7.1 → 7.1 specs, 7.2-preview.N → 7.2 specs; anything else is a violation.
// - Query: declared parameters are type-checked, unknown ones are violations; `api-version` is
//   always allowed; `$format` is an ordinary declared parameter (Items_Get) that also steers the
//   expected response media type.
// - Request bodies are strict: types, enums, formats AND no properties the spec does not declare
//   (the specs never say additionalProperties: false; without this a wrongly nested body would
//   pass), plus the fields the service requires (SERVICE_REQUIRED_FIELDS). `strictRequestBodies:
//   false` turns off the unknown-property rule.
// - Responses are open (extra properties allowed: the service sends fields the spec lacks) but
//   every declared property present must have the declared type.
import type { ContractChecker, ContractViolation } from "../emulator/types";
import { readBody, withoutNulls } from "./body-values";
import { API_VERSION_RULES, ROUTES_WITHOUT_SPECS } from "./known-differences";
import {
  headerValue,
  Headers,
  parseApiVersion,
  ParsedApiVersion,
  readRequestFormat,
  RequestFormat,
  specVersionOf,
} from "./media-type";
import { checkPathParams, checkQueryParams } from "./params-check";
import { checkResponseAgainst } from "./response-check";
import { matchRoute, RouteResult } from "./route-match";
import { checkServiceRequired } from "./service-required";
import { DEFAULT_SPECS_DIR, loadSpecIndex, SpecOperation, SpecVersion } from "./spec-index";
import { describeErrors, validatorFor } from "./validators";

export interface ContractCheckerOptions {
  /**
   * Folder holding <area>/<version>/*.json. Default: the copy in tests/fixtures/ado-rest-specs.
   */
  specsDir?: string;
  /** Reject request-body properties the spec does not declare. Default true. */
  strictRequestBodies?: boolean;
}

export interface CheckedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Headers;
}

interface Resolved {
  format: RequestFormat;
  version?: ParsedApiVersion;
  specVersion?: SpecVersion;
  versionProblems: string[];
  route: RouteResult;
}

export function createContractChecker(options: ContractCheckerOptions = {}): ContractChecker & {
  /** The operation a request is matched to (undefined when none): for tests and reports. */
  operationFor(req: CheckedRequest): SpecOperation | undefined;
} {
  const index = loadSpecIndex(options.specsDir ?? DEFAULT_SPECS_DIR);
  const strict = options.strictRequestBodies ?? true;

  function resolve(req: CheckedRequest): Resolved {
    const query = req.query ?? {};
    const format = readRequestFormat(req.headers ?? {}, query);
    const versionProblems: string[] = [];
    let version: ParsedApiVersion | undefined;
    let specVersion: SpecVersion | undefined;
    if (format.apiVersion === undefined) {
      versionProblems.push(
        "no api-version: the service requires one, in the query or in the Accept header",
      );
    } else {
      version = parseApiVersion(format.apiVersion);
      if (!version)
        versionProblems.push(
          `api-version "${format.apiVersion}" is not a version (expected e.g. 7.1 or 7.2-preview.1)`,
        );
      else {
        specVersion = specVersionOf(version);
        if (!specVersion)
          versionProblems.push(
            `api-version ${format.apiVersion} is not covered by the specs (7.1, 7.2)`,
          );
        else if (specVersion === "7.2" && !version.preview) {
          versionProblems.push(
            `api-version 7.2 exists only as a preview: send 7.2-preview.N (known difference ${API_VERSION_RULES.id})`,
          );
        }
      }
    }
    const v = specVersion ?? "7.2";
    const route = matchRoute(
      index.operations.get(v) ?? [],
      `${index.dir}@${v}`,
      req.method,
      req.path,
      query,
    );
    return { format, version, specVersion, versionProblems, route };
  }

  function violation(
    side: "request" | "response",
    req: CheckedRequest,
    message: string,
    op?: SpecOperation,
  ): ContractViolation {
    return {
      side,
      method: req.method.toUpperCase(),
      path: req.path,
      operationId: op?.operationId,
      message: op ? `[${op.operationId} @${op.doc.version}] ${message}` : message,
    };
  }

  return {
    operationFor(req) {
      return resolve(req).route.match?.op;
    },

    checkRequest(req) {
      if (outsideSpecs(req.path)) return [];
      const r = resolve(req);
      const out: ContractViolation[] = r.versionProblems.map((m) => violation("request", req, m));
      const match = r.route.match;
      if (!match) {
        const also = r.route.otherMethods.length
          ? ` (the path exists for ${r.route.otherMethods.join(", ")})`
          : "";
        out.push(
          violation(
            "request",
            req,
            `no operation in the ${r.specVersion ?? "7.2"} specs matches ${req.method.toUpperCase()} ${req.path}${also}`,
          ),
        );
        return out;
      }
      const op = match.op;
      const problems: string[] = [];
      if (r.version && r.specVersion && r.versionProblems.length === 0)
        problems.push(...checkOperationVersion(op, r.version, r.format.apiVersion!));
      problems.push(...checkPathParams(op, match.pathValues));
      problems.push(...checkQueryParams(op, req.query ?? {}));
      problems.push(...checkRequestBody(op, req, req.body, r.format, strict));
      return out.concat(problems.map((m) => violation("request", req, m, op)));
    },

    checkResponse(req, status, body) {
      if (outsideSpecs(req.path)) return [];
      const r = resolve(req);
      const match = r.route.match;
      if (!match) return []; // reported on the request side
      return checkResponseAgainst(match.op, r.format, req.query ?? {}, status, body).map((m) =>
        violation("response", req, m, match.op),
      );
    },
  };
}

function outsideSpecs(path: string): boolean {
  const bare = path.split("?")[0];
  return ROUTES_WITHOUT_SPECS.patterns.some((p) => p.test(bare));
}

function checkOperationVersion(op: SpecOperation, v: ParsedApiVersion, sent: string): string[] {
  const want = op.apiVersion;
  if (!want.preview) return [];
  const expected = `${op.doc.version}-preview.${want.resourceVersion}`;
  if (!v.preview)
    return [
      `the operation is a preview at ${op.doc.version}: send ${expected}, not ${sent} (known difference ${API_VERSION_RULES.id})`,
    ];
  if (
    v.resourceVersion !== undefined &&
    want.resourceVersion !== undefined &&
    v.resourceVersion > want.resourceVersion
  ) {
    return [
      `resource version ${sent} is above the spec's ${expected} (known difference ${API_VERSION_RULES.id})`,
    ];
  }
  return [];
}

function checkRequestBody(
  op: SpecOperation,
  req: CheckedRequest & { body?: unknown },
  rawBody: unknown,
  format: RequestFormat,
  strict: boolean,
): string[] {
  const read = readBody(rawBody);
  if (!op.body)
    return read.present ? ["the operation takes no request body, but one was sent"] : [];
  if (!read.present)
    return op.body.required ? [`a request body is required (${schemaName(op.body.schema)})`] : [];
  const problems: string[] = [];
  const contentType = headerValue(req.headers ?? {}, "content-type")
    ?.split(";")[0]
    .trim()
    .toLowerCase();
  const consumes = op.consumes.map((c) => c.toLowerCase());
  if (!contentType)
    problems.push(
      `a request body needs a Content-Type (${consumes.join(", ") || "application/json"})`,
    );
  else if (consumes.length > 0 && !consumes.includes(contentType))
    problems.push(
      `Content-Type ${contentType} is not accepted (the operation consumes ${consumes.join(", ")})`,
    );
  const schema = op.body.schema;
  if (!schema || schema.format === "Stream" || !consumes.some((c) => c.includes("json")))
    return problems;
  if ("unparsable" in read)
    return problems.concat([`request body is not JSON: ${read.unparsable}`]);
  const value = withoutNulls(read.value);
  const mode = {
    side: "request" as const,
    enumsAsNumbers: false,
    msDateFormat: false,
    strictObjects: strict,
  };
  const validate = validatorFor(
    op.doc,
    mode,
    `req:${op.method}:${op.template}:${op.operationId}`,
    schema,
  );
  if (!validate(value)) problems.push(...describeErrors(validate.errors, "body"));
  problems.push(...checkServiceRequired(op.operationId, value));
  return problems;
}

function schemaName(schema: unknown): string {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? ref.replace("#/definitions/", "") : "JSON";
}
