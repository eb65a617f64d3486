// Normalizing the bodies the checker is handed: emulators may pass parsed JSON, a JSON string or a
// Buffer. Nulls in request bodies mean "not given" to the service's JSON reader, so they are
// dropped before validation (responses keep them: the service omits nulls, so a null there is a
// difference).

export type BodyValue =
  | { present: false }
  | { present: true; value: unknown }
  | { present: true; /** a description, never the content */ unparsable: string };

export function readBody(body: unknown): BodyValue {
  if (body === undefined || body === null) return { present: false };
  let text: string | undefined;
  if (typeof body === "string") text = body;
  else if (body instanceof Uint8Array) text = Buffer.from(body).toString("utf8");
  if (text === undefined) return { present: true, value: body };
  if (text.trim() === "") return { present: false };
  try {
    return {
      present: true,
      value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
    };
  } catch {
    // Only the size: a body may carry a secret, and violation messages end up in test logs.
    return { present: true, unparsable: `${Buffer.byteLength(text)} bytes that do not parse` };
  }
}

export function isRawContent(body: unknown): boolean {
  return typeof body === "string" || body instanceof Uint8Array;
}

export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== null) out[k] = withoutNulls(v);
    return out;
  }
  return value;
}

export function jsonType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}
