// Microsoft's recorded request/response examples
// (tests/fixtures/ado-rest-specs/<area>/7.1/httpExamples). The files were recorded against older
// api-versions (1.0 to 6.1), name the organization "organization" or "account", and their folder
// names differ in case from the specs' x-ms-examples references.
import * as fs from "fs";
import * as path from "path";
import { readJsonWithBom } from "../spec-index";

export interface RecordedExample {
  file: string;
  parameters: Record<string, unknown>;
  /** The first recorded response. */
  status: number;
  body: unknown;
  requestUrl?: string;
}

export function loadRecorded(specsDir: string, file: string): RecordedExample {
  const full = resolveCaseInsensitive(specsDir, file);
  const raw = readJsonWithBom(full) as {
    parameters?: Record<string, unknown>;
    responses?: Record<string, { body?: unknown }>;
    "x-ms-vss-request-url"?: string;
  };
  const [status, response] = Object.entries(raw.responses ?? {})[0] ?? ["0", {}];
  return {
    file,
    parameters: raw.parameters ?? {},
    status: Number(status),
    body: response.body,
    requestUrl: raw["x-ms-vss-request-url"],
  };
}

/**
 * Finds base/rel matching each segment without regard to case (x-ms-examples say "Repositories/",
 * the folder is "repositories/").
 */
export function resolveCaseInsensitive(base: string, rel: string): string {
  let current = base;
  for (const part of rel.split(/[\\/]/).filter((p) => p && p !== ".")) {
    const exact = path.join(current, part);
    if (fs.existsSync(exact)) {
      current = exact;
      continue;
    }
    const hit = fs.existsSync(current)
      ? fs.readdirSync(current).find((n) => n.toLowerCase() === part.toLowerCase())
      : undefined;
    current = path.join(current, hit ?? part);
  }
  return current;
}
