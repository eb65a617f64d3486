// Where the reference data the tests read sits: copies under tests/fixtures, so that a clone needs
// nothing beside it. The root is found by walking up, so the paths also hold when a bundled copy
// runs from .tmp/ (scripts/run-ts.js: the bench, the refresh script).
import * as path from "path";
import { findRepoRoot } from "../host/httpUtil";

export const FIXTURES_DIR = path.join(findRepoRoot(__dirname), "tests", "fixtures");

// Paths inside tests/fixtures, with "/" whatever the platform: the manifest lists them this way.
export const SPECS = "ado-rest-specs";
export const SPECS_LICENSE = `${SPECS}/LICENSE`;
export const TASK_SCHEMA = "schemas/task.schema.json";
export const TASK_SCHEMA_LICENSE = "schemas/LICENSE.azure-pipelines-task-lib";
export const PIPELINES_SCHEMA = "schemas/azure-pipelines.schema.json";
export const PIPELINES_SCHEMA_LICENSE = "schemas/LICENSE.azure-pipelines-vscode";
/** Written by the refresh: every copied file with its digest. */
export const MANIFEST = "manifest.json";
/** Written by hand: where each copy comes from and how to refresh it. */
export const README = "README.md";

/** The absolute path of a file inside tests/fixtures. */
export function fixturePath(relative: string): string {
  return path.join(FIXTURES_DIR, ...relative.split("/"));
}

export const SPECS_DIR = fixturePath(SPECS);
export const TASK_SCHEMA_FILE = fixturePath(TASK_SCHEMA);
export const PIPELINES_SCHEMA_FILE = fixturePath(PIPELINES_SCHEMA);
export const MANIFEST_FILE = fixturePath(MANIFEST);
