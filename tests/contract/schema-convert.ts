// Turns a Swagger 2.0 spec's schemas into schemas ajv 8 compiles, for one validation mode.
// What it changes and why:
// - `x-*`, description, readOnly, example, discriminator: metadata, dropped (readOnly is never
//   enforced: clients send back whole objects they read, e.g. a definition in updateDefinition).
// - `enum` becomes the `adoEnum` keyword, which knows enumsAsNumbers and case rules
//   (known-differences).
// - `allOf: [{$ref: Base}] + properties` is flattened into one property list, so that strict
//   request bodies (additionalProperties: false) see inherited properties.
// - formats: int16/int32/int64/uuid/date-time are checked; .NET-only formats (T, JToken, TimeSpan,
//   ...) are dropped or widened per known-differences.
// - SCHEMA_OVERRIDES and POLYMORPHIC_BASES from known-differences replace definitions that do not
//   describe the JSON on the wire.
import { POLYMORPHIC_BASES, SCHEMA_OVERRIDES } from "./known-differences";
import type { SpecDocument } from "./spec-index";

export interface ValidationMode {
  side: "request" | "response";
  /** Response enums are numbers (request said enumsAsNumbers=true). */
  enumsAsNumbers: boolean;
  /** Response dates may be "/Date(ms)/" (request said msDateFormat=true). */
  msDateFormat: boolean;
  /** Reject properties the schema does not declare (request bodies). */
  strictObjects: boolean;
}

export function modeKey(m: ValidationMode): string {
  return `${m.side}:${m.enumsAsNumbers ? "n" : "s"}:${m.msDateFormat ? "d" : "i"}:${m.strictObjects ? "x" : "o"}`;
}

type Json = { [k: string]: unknown };

const CHECKED_FORMATS: Record<string, string> = {
  int16: "ado-int16",
  int32: "int32",
  int64: "ado-int64",
  uuid: "uuid",
  "date-time": "ado-date-time",
};
/** .NET types the generator could not describe: any JSON value. */
const ANY_VALUE_FORMATS = new Set(["T", "JToken", "JObject", "JContainer", "Stream"]);

export class SchemaConverter {
  readonly defsId: string;
  private readonly flatCache = new Map<
    string,
    { properties: Json; additionalProperties?: unknown }
  >();
  private readonly polymorphic: Map<string, string[]>;
  private readonly converted = new Map<string, Json>();

  constructor(
    private readonly doc: SpecDocument,
    private readonly mode: ValidationMode,
  ) {
    this.defsId = `ado:${doc.key}:${modeKey(mode)}`;
    this.polymorphic = new Map(
      POLYMORPHIC_BASES.filter((p) => p.area === doc.area).map((p) => [p.base, p.subtypes]),
    );
  }

  /** The whole `definitions` document, converted (ajv compiles only what operations reference). */
  definitionsSchema(): Json {
    const definitions: Json = {};
    for (const name of Object.keys(this.doc.definitions)) definitions[name] = this.definition(name);
    return { $id: this.defsId, definitions };
  }

  /** An operation's body or response schema (usually a $ref, sometimes an inline array). */
  convert(node: unknown): Json {
    return this.node(node as Json);
  }

  private definition(name: string): Json {
    const done = this.converted.get(name);
    if (done) return done;
    const raw = this.rawDefinition(name);
    const subtypes = this.polymorphic.get(name);
    let out: Json;
    if (subtypes && subtypes.length > 0) {
      // The base stands for its whole family: accept each subtype's fields, with their types.
      const properties: Json = { ...this.flat(name).properties };
      for (const sub of subtypes)
        if (this.doc.definitions[sub]) Object.assign(properties, this.flat(sub).properties);
      out = this.objectSchema(properties, undefined);
    } else {
      out = this.node(raw);
    }
    this.converted.set(name, out);
    return out;
  }

  /** The definition as written, with known-difference overrides applied. */
  private rawDefinition(name: string): Json {
    let raw = (this.doc.definitions[name] ?? {}) as Json;
    for (const o of SCHEMA_OVERRIDES) {
      if (o.definition !== name) continue;
      if (o.property === undefined) raw = o.schema as Json;
      else
        raw = {
          ...raw,
          properties: { ...((raw.properties ?? {}) as Json), [o.property]: o.schema },
        };
    }
    return raw;
  }

  /** Properties of a definition including everything inherited through allOf. */
  private flat(name: string): { properties: Json; additionalProperties?: unknown } {
    const cached = this.flatCache.get(name);
    if (cached) return cached;
    const result = this.flattenRaw(this.rawDefinition(name));
    this.flatCache.set(name, result);
    return result;
  }

  private flattenRaw(raw: Json): { properties: Json; additionalProperties?: unknown } {
    const properties: Json = {};
    let additionalProperties: unknown;
    for (const part of (raw.allOf ?? []) as Json[]) {
      const inherited =
        typeof part.$ref === "string" ? this.flat(refName(part.$ref)) : this.flattenRaw(part);
      Object.assign(properties, inherited.properties);
      if (inherited.additionalProperties !== undefined)
        additionalProperties = inherited.additionalProperties;
    }
    for (const [k, v] of Object.entries((raw.properties ?? {}) as Json))
      properties[k] = this.node(v as Json);
    if (raw.additionalProperties !== undefined)
      additionalProperties = this.additional(raw.additionalProperties);
    return { properties, additionalProperties };
  }

  private node(raw: Json): Json {
    if (typeof raw !== "object" || raw === null) return {};
    if (typeof raw.$ref === "string")
      return { $ref: `${this.defsId}#/definitions/${refName(raw.$ref)}` };
    if (Array.isArray(raw.enum)) return this.enumSchema(raw.enum as unknown[]);
    const format = typeof raw.format === "string" ? raw.format : undefined;
    if (format && ANY_VALUE_FORMATS.has(format)) return {};
    const type = raw.type as string | undefined;
    if (type === "array")
      return { type: "array", items: raw.items ? this.node(raw.items as Json) : {} };
    if (type === "object" || raw.properties || raw.allOf) {
      // dotnet-object-any
      if (!raw.properties && !raw.allOf && raw.additionalProperties === undefined) return {};
      const flat = this.flattenRaw(raw);
      return this.objectSchema(flat.properties, flat.additionalProperties);
    }
    if (type === "string" || type === "integer" || type === "number" || type === "boolean") {
      // null-strings-in-responses: the service writes null for masked secrets and unset strings.
      const out: Json = {
        type: type === "string" && this.mode.side === "response" ? ["string", "null"] : type,
      };
      const mapped = format ? CHECKED_FORMATS[format] : undefined;
      if (mapped && (type !== "string" || mapped === "uuid" || mapped === "ado-date-time"))
        out.format = mapped;
      if (type === "string" && typeof raw.maxLength === "number") out.maxLength = raw.maxLength;
      return out;
    }
    return {};
  }

  private objectSchema(properties: Json, additionalProperties: unknown): Json {
    const out: Json = { type: "object", properties };
    if (additionalProperties !== undefined) out.additionalProperties = additionalProperties;
    else if (this.mode.strictObjects && Object.keys(properties).length > 0)
      out.additionalProperties = false;
    return out;
  }

  private additional(raw: unknown): unknown {
    if (typeof raw === "boolean") return raw;
    return this.node(raw as Json);
  }

  private enumSchema(values: unknown[]): Json {
    if (!values.every((v) => typeof v === "string")) return { enum: values };
    const kind =
      this.mode.side === "request" ? "input" : this.mode.enumsAsNumbers ? "number" : "name";
    return { adoEnum: { values, kind } };
  }
}

export function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf("/") + 1);
}
