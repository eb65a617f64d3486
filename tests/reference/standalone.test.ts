// The repository stands alone: no file in it points at the reference folder that sits beside the
// checkout on the team's machines, or at the product notes kept there; a clone anywhere else has
// neither. Every file git tracks (or would track: new, not ignored) is read; only node_modules is
// left out. The searched names are spelled in pieces here so that this file does not match itself.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { findRepoRoot } from "../host/httpUtil";

const ROOT = findRepoRoot(__dirname);
const FOLDER = "shared";
const NOTES = "PRODUCT";

/** Matched line by line: a path written "../x", "..\\x" or as the arguments "..", "x". */
const FORBIDDEN: { what: string; pattern: RegExp }[] = [
  {
    what: `../${FOLDER} (a folder beside the repository)`,
    pattern: new RegExp(`\\.\\.[\\\\/]${FOLDER}\\b|["']\\.\\.["']\\s*,\\s*["']${FOLDER}["']`),
  },
  { what: `${NOTES}.md (notes outside the repository)`, pattern: new RegExp(`${NOTES}\\.md`) },
];

function repositoryFiles(): string[] {
  const listed = execFileSync(
    "git",
    ["ls-files", "-z", "--cached", "--others", "--exclude-standard"],
    { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  return [...new Set(listed.split("\0"))].filter(
    (f) => f && !/(^|\/)node_modules(\/|$)/.test(f) && isRegularFile(path.join(ROOT, f)),
  );
}

/** Deleted files still in the index, and links (node_modules may be one), are not content. */
function isRegularFile(file: string): boolean {
  return fs.existsSync(file) && fs.lstatSync(file).isFile();
}

/** "file:line: what" for each line of the file that matches a forbidden pattern. */
function hitsIn(file: string): string[] {
  const lines = fs.readFileSync(path.join(ROOT, file)).toString("latin1").split("\n");
  return lines.flatMap((line, i) =>
    FORBIDDEN.filter((f) => f.pattern.test(line)).map((f) => `${file}:${i + 1}: ${f.what}`),
  );
}

it("no file refers to anything outside the repository", () => {
  const files = repositoryFiles();
  // The scan reads the code, the tests and the copies of the reference data, or it proves nothing.
  expect(files).toEqual(expect.arrayContaining(["package.json", "tests/fixtures/manifest.json"]));
  expect(files.flatMap(hitsIn)).toEqual([]);
});
