// Where things are, for the package tests and the bench.
import * as path from "path";

export const REPO_ROOT = path.resolve(__dirname, "../../..");
/** The read-only reference folder beside the repository. */
export const SHARED_DIR = path.resolve(REPO_ROOT, "../shared");
