// What tests/fixtures holds: exactly the reference files the tests read, worked out from the lists
// the tests themselves use, so that the refresh (scripts/refresh-reference.js) and the check of the
// copy (fixtures.test.ts) cannot disagree with them:
// - every area's spec file at every version (SPEC_FILES, SPEC_VERSIONS in spec-index);
// - the recorded examples the replay catalog lists (replay/catalog.ts);
// - the recorded examples of the operations whose extra success status the known differences prove
//   from them (EXTRA_SUCCESS_STATUSES, checked by known-differences.test.ts);
// - the two schemas, and a license beside each source.
import * as path from "path";
import { EXTRA_SUCCESS_STATUSES } from "../contract/known-differences";
import { SELECTED_EXAMPLES } from "../contract/replay/catalog";
import { resolveCaseInsensitive } from "../contract/replay/recorded";
import { SPEC_FILES, SPEC_VERSIONS, SpecIndex } from "../contract/spec-index";
import {
  PIPELINES_SCHEMA,
  PIPELINES_SCHEMA_LICENSE,
  SPECS,
  SPECS_LICENSE,
  TASK_SCHEMA,
  TASK_SCHEMA_LICENSE,
} from "./paths";

/** The spec files, relative to the specs folder. */
export function specFiles(): string[] {
  return Object.entries(SPEC_FILES).flatMap(([area, file]) =>
    SPEC_VERSIONS.map((version) => `${area}/${version}/${file}`),
  );
}

/**
 * The recorded examples the tests read, relative to the specs folder and spelled as they are on
 * disk there (the specs' x-ms-examples and the folders differ in case). `index` is the index of the
 * spec files alone; `examplesDir` the specs folder holding the examples (the source or the copy).
 */
export function exampleFiles(index: SpecIndex, examplesDir: string): string[] {
  const proving = new Set(EXTRA_SUCCESS_STATUSES.map((e) => e.operationId));
  const cited = (index.operations.get("7.1") ?? [])
    .filter((op) => proving.has(op.operationId))
    .flatMap((op) => {
      const folder = path.relative(index.dir, path.dirname(op.doc.file));
      return op.examples.map((ref) => path.join(folder, ref));
    });
  const replayed = SELECTED_EXAMPLES.map((sel) => sel.file);
  const onDisk = [...replayed, ...cited].map((rel) =>
    toPosix(path.relative(examplesDir, resolveCaseInsensitive(examplesDir, rel))),
  );
  return [...new Set(onDisk)].sort();
}

/** Every file of tests/fixtures the refresh writes but the manifest, relative to tests/fixtures. */
export function keptFiles(index: SpecIndex, examplesDir: string): string[] {
  const inSpecs = [...specFiles(), ...exampleFiles(index, examplesDir)].map((f) => `${SPECS}/${f}`);
  const others = [
    SPECS_LICENSE,
    TASK_SCHEMA,
    TASK_SCHEMA_LICENSE,
    PIPELINES_SCHEMA,
    PIPELINES_SCHEMA_LICENSE,
  ];
  return [...inSpecs, ...others].sort();
}

function toPosix(p: string): string {
  return p.split(path.sep).join("/");
}
