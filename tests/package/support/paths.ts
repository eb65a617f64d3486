// Where things are, for the package tests and the bench. Found from this file's folder upwards, so
// it also holds when scripts/run-ts.js runs a bundled copy from .tmp/run-ts/.
import { findRepoRoot } from "../../host/httpUtil";

export const REPO_ROOT = findRepoRoot(__dirname);
