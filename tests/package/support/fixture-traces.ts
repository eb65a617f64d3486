// What would show that a reference fixture (tests/fixtures: Microsoft's specs, recorded examples,
// schemas) got into a package: its name, its exact bytes, or a string that every fixture of its
// kind carries, which survives a renamed or reformatted copy.
import * as fs from "fs";
import * as path from "path";
import { sha256 } from "../../reference/manifest";
import { FIXTURES_DIR } from "../../reference/paths";

export interface PackedFile {
  name: string;
  data: Buffer;
}

interface FixtureKind {
  kind: string;
  /** Does a path inside tests/fixtures hold a fixture of this kind? */
  holds: (relative: string) => boolean;
  marker: RegExp;
}

/** The kinds of fixture a marker tells apart; licenses and notes are found by their bytes only. */
export const FIXTURE_KINDS: FixtureKind[] = [
  {
    kind: "recorded example",
    holds: (r) => r.includes("/httpExamples/"),
    marker: /"x-ms-vss-request-url"/,
  },
  {
    kind: "REST spec",
    holds: (r) =>
      r.startsWith("ado-rest-specs/") && !r.includes("/httpExamples/") && /\.json$/.test(r),
    marker: /"swagger"\s*:\s*"2\.0"/,
  },
  {
    kind: "task.json schema",
    holds: (r) => r === "schemas/task.schema.json",
    marker: /"title"\s*:\s*"Azure DevOps Tasks schema"/,
  },
  {
    kind: "pipeline YAML schema",
    holds: (r) => r === "schemas/azure-pipelines.schema.json",
    marker: /azure-pipelines-vscode\/blob\/[^/"]+\/service-schema\.json/,
  },
];

/** Names too common to tell a fixture by: LICENSE files, README.md, manifest.json. */
const COMMON_NAME = /^(LICENSE(\..*)?|README\.md|manifest\.json)$/;

/** Every file under tests/fixtures, relative and "/"-separated, with its bytes. */
export function fixtureFiles(): PackedFile[] {
  const out: PackedFile[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else
        out.push({
          name: path.relative(FIXTURES_DIR, full).split(path.sep).join("/"),
          data: fs.readFileSync(full),
        });
    }
  };
  walk(FIXTURES_DIR);
  return out;
}

/** For each packed file that carries a trace of a fixture, the file and why ("name: why"). */
export function fixtureTraces(packed: PackedFile[], fixtures: PackedFile[]): string[] {
  const names = new Set(
    fixtures.map((f) => path.posix.basename(f.name)).filter((n) => !COMMON_NAME.test(n)),
  );
  const digests = new Map(
    fixtures.filter((f) => f.data.length > 0).map((f) => [sha256(f.data), f]),
  );
  const found: string[] = [];
  for (const p of packed) {
    const why: string[] = [];
    if (names.has(path.posix.basename(p.name))) why.push("a fixture's name");
    const same = digests.get(sha256(p.data));
    if (same) why.push(`the bytes of ${same.name}`);
    const text = p.data.toString("latin1");
    for (const k of FIXTURE_KINDS) if (k.marker.test(text)) why.push(`the ${k.kind} marker`);
    if (why.length) found.push(`${p.name}: ${why.join(", ")}`);
  }
  return found;
}
