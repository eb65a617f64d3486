// The known differences are consistent with the specs, and the checker accepts what the real
// service was recorded sending and answering (Microsoft's httpExamples) for the operations the
// product uses.
import * as fs from "fs";
import * as path from "path";
import { createContractChecker } from "./checker";
import {
  ALL_KNOWN_DIFFERENCES,
  EXTRA_SUCCESS_STATUSES,
  POLYMORPHIC_BASES,
  SCHEMA_OVERRIDES,
  SERVICE_REQUIRED_FIELDS,
} from "./known-differences";
import { SELECTED_EXAMPLES } from "./replay/catalog";
import { loadRecorded } from "./replay/recorded";
import { expectedBody, recordedRequest } from "./replay/request-builder";
import { DEFAULT_SPECS_DIR, loadSpecIndex } from "./spec-index";

const index = loadSpecIndex();
const allOps = [...index.operations.values()].flat();
const operationIds = new Set(allOps.map((o) => o.operationId));

describe("known differences", () => {
  it("each has a unique id and a reason", () => {
    const ids = ALL_KNOWN_DIFFERENCES.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of ALL_KNOWN_DIFFERENCES) expect(d.reason.length).toBeGreaterThan(40);
    console.log(
      `known differences (${ids.length}):\n` +
        ALL_KNOWN_DIFFERENCES.map((d) => `  - ${d.id}`).join("\n"),
    );
  });

  it("names operations and definitions that exist in the specs", () => {
    for (const e of [...EXTRA_SUCCESS_STATUSES, ...SERVICE_REQUIRED_FIELDS])
      expect({ id: e.id, found: operationIds.has(e.operationId) }).toEqual({
        id: e.id,
        found: true,
      });
    const definitions = new Set(index.docs.flatMap((d) => Object.keys(d.definitions)));
    for (const o of SCHEMA_OVERRIDES)
      expect({ id: o.id, found: definitions.has(o.definition) }).toEqual({ id: o.id, found: true });
    for (const p of POLYMORPHIC_BASES) {
      const doc = index.docs.find((d) => d.area === p.area)!;
      for (const name of [p.base, ...p.subtypes])
        expect({ id: p.id, name, found: name in doc.definitions }).toEqual({
          id: p.id,
          name,
          found: true,
        });
    }
  });

  it("extra success statuses are the ones Microsoft recorded, and are not already declared", () => {
    for (const e of EXTRA_SUCCESS_STATUSES) {
      const ops = allOps.filter((o) => o.operationId === e.operationId && o.doc.version === "7.1");
      expect(ops.some((o) => o.responses.has(e.status))).toBe(false);
      const recorded = ops.flatMap((o) =>
        o.examples.map((ex) => loadRecorded(path.dirname(o.doc.file), ex).status),
      );
      expect({ id: e.id, recorded: recorded.includes(e.status) }).toEqual({
        id: e.id,
        recorded: true,
      });
    }
  });
});

describe("api-version-rules: 7.2 is preview-only", () => {
  // The evidence the rule rests on (known difference api-version-rules): every 7.2 document
  // Microsoft publishes declares its version as 7.2-preview and only -preview.N api-versions.
  it("every 7.2 spec document declares 7.2-preview, and no 7.2 without -preview", () => {
    const docs = index.docs.filter((d) => d.version === "7.2");
    expect(docs.length).toBeGreaterThan(0);
    for (const d of docs) {
      const spec = JSON.parse(fs.readFileSync(d.file, "utf8").replace(/^\uFEFF/, ""));
      const versions = Object.values<any>(spec.parameters ?? {})
        .filter((p) => p.name === "api-version")
        .map((p) => /set to '([^']+)'/.exec(p.description)?.[1]);
      expect({ doc: d.key, info: spec.info.version }).toEqual({ doc: d.key, info: "7.2-preview" });
      expect(versions.length).toBeGreaterThan(0);
      for (const v of versions)
        expect({ doc: d.key, v }).toEqual({
          doc: d.key,
          v: expect.stringMatching(/^7\.2-preview\.\d+$/),
        });
    }
  });
});

describe("the checker on Microsoft's recorded traffic", () => {
  const checker = createContractChecker();
  it("accepts every selected recorded request and response (7.1, as recorded: names, wrapped lists, ISO dates)", () => {
    const problems: string[] = [];
    for (const sel of SELECTED_EXAMPLES) {
      const op = index.operations.get("7.1")!.find((o) => o.operationId === sel.operationId)!;
      expect({ id: sel.id, found: op !== undefined }).toEqual({ id: sel.id, found: true });
      const ex = loadRecorded(DEFAULT_SPECS_DIR, sel.file);
      const req = recordedRequest(op, ex, {
        organization: "fabrikam",
        project: "Fabrikam-Fiber-Git",
      });
      expect({ id: sel.id, matched: checker.operationFor(req)?.operationId }).toEqual({
        id: sel.id,
        matched: sel.operationId,
      });
      for (const v of checker.checkRequest(req)) problems.push(`${sel.id} request: ${v.message}`);
      for (const v of checker.checkResponse(req, ex.status, expectedBody(op, ex)))
        problems.push(`${sel.id} response ${ex.status}: ${v.message}`);
    }
    expect(problems).toEqual([]);
  });
});
