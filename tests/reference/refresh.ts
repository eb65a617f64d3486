// Refreshes the reference copies under tests/fixtures from their sources. Run it through
// scripts/refresh-reference.js, which documents the options; tests/fixtures/README.md says where
// each source comes from. Only what keep-list.ts names is copied, byte for byte (byte-order marks
// included: the loaders strip them). Everything is staged in a temporary folder first, so a source
// may be the current copy itself (to refresh one source and keep the others).
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadSpecIndex } from "../contract/spec-index";
import { exampleFiles, keptFiles, specFiles } from "./keep-list";
import { manifestOf, writeManifest } from "./manifest";
import {
  FIXTURES_DIR,
  MANIFEST,
  PIPELINES_SCHEMA,
  PIPELINES_SCHEMA_LICENSE,
  SPECS,
  SPECS_LICENSE,
  TASK_SCHEMA,
  TASK_SCHEMA_LICENSE,
} from "./paths";

interface Sources {
  specs: string;
  specsLicense: string;
  taskSchema: string;
  taskSchemaLicense: string;
  pipelinesSchema: string;
  pipelinesSchemaLicense: string;
  out: string;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Map<string, string> {
  const args = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!flag.startsWith("--") || value === undefined || value.startsWith("--"))
      throw new UsageError(`expected --option value pairs, got "${flag}"`);
    args.set(flag.slice(2), path.resolve(value));
  }
  return args;
}

/** The first candidate that exists, or a usage error naming the option that would fix it. */
function existing(option: string, candidates: string[]): string {
  const found = candidates.find((c) => fs.existsSync(c));
  if (!found) throw new UsageError(`--${option}: none of ${candidates.join(", ")} exists`);
  return found;
}

/**
 * A license given explicitly, else the first that exists beside the source under the usual names
 * or under the name the copy gives it (so the current copy can serve as a source).
 */
function licenseFor(args: Map<string, string>, option: string, folders: string[], copy: string) {
  const given = args.get(`${option}-license`);
  const names = ["LICENSE", "LICENSE.txt", path.posix.basename(copy)];
  const candidates = given ? [given] : folders.flatMap((d) => names.map((n) => path.join(d, n)));
  return existing(`${option}-license`, candidates);
}

const OPTIONS = ["specs", "task-schema", "pipelines-schema"];

function readSources(argv: string[]): Sources {
  const args = parseArgs(argv);
  const known = [...OPTIONS, ...OPTIONS.map((o) => `${o}-license`), "out"];
  for (const key of args.keys())
    if (!known.includes(key)) throw new UsageError(`unknown option --${key}`);
  const required = (option: string) => {
    const value = args.get(option);
    if (!value) throw new UsageError(`--${option} is required`);
    return existing(option, [value]);
  };
  const specs = required("specs");
  const taskSchema = required("task-schema");
  const pipelinesSchema = required("pipelines-schema");
  const beside = (file: string) => [path.dirname(file)];
  return {
    specs,
    specsLicense: licenseFor(args, "specs", [specs, path.dirname(specs)], SPECS_LICENSE),
    taskSchema,
    taskSchemaLicense: licenseFor(args, "task-schema", beside(taskSchema), TASK_SCHEMA_LICENSE),
    pipelinesSchema,
    pipelinesSchemaLicense: licenseFor(
      args,
      "pipelines-schema",
      beside(pipelinesSchema),
      PIPELINES_SCHEMA_LICENSE,
    ),
    out: args.get("out") ?? FIXTURES_DIR,
  };
}

function copyFile(from: string, stagingDir: string, relative: string): void {
  if (!fs.existsSync(from)) throw new UsageError(`missing in the source: ${from}`);
  const to = path.join(stagingDir, ...relative.split("/"));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.writeFileSync(to, fs.readFileSync(from));
}

/** Copies what keep-list names into the staging folder; answers the files, manifest excluded. */
function stage(src: Sources, stagingDir: string): string[] {
  for (const f of specFiles()) copyFile(path.join(src.specs, f), stagingDir, `${SPECS}/${f}`);
  // The examples to keep are those the kept spec files cite: index the staged specs alone.
  const index = loadSpecIndex(path.join(stagingDir, SPECS));
  for (const f of exampleFiles(index, src.specs))
    copyFile(path.join(src.specs, f), stagingDir, `${SPECS}/${f}`);
  copyFile(src.specsLicense, stagingDir, SPECS_LICENSE);
  copyFile(src.taskSchema, stagingDir, TASK_SCHEMA);
  copyFile(src.taskSchemaLicense, stagingDir, TASK_SCHEMA_LICENSE);
  copyFile(src.pipelinesSchema, stagingDir, PIPELINES_SCHEMA);
  copyFile(src.pipelinesSchemaLicense, stagingDir, PIPELINES_SCHEMA_LICENSE);
  return keptFiles(index, src.specs);
}

/** Replaces each top-level folder or file the staging holds; leaves the rest (README.md) alone. */
function publish(stagingDir: string, out: string): void {
  fs.mkdirSync(out, { recursive: true });
  for (const name of fs.readdirSync(stagingDir)) {
    fs.rmSync(path.join(out, name), { recursive: true, force: true });
    fs.cpSync(path.join(stagingDir, name), path.join(out, name), { recursive: true });
  }
}

function refresh(argv: string[]): void {
  const src = readSources(argv);
  const stagingDir = fs.mkdtempSync(path.join(os.tmpdir(), "stackspot-reference-"));
  try {
    const files = stage(src, stagingDir);
    const manifest = manifestOf(stagingDir, files);
    writeManifest(path.join(stagingDir, MANIFEST), manifest);
    publish(stagingDir, src.out);
    const bytes = files.reduce((n, f) => n + fs.statSync(path.join(src.out, f)).size, 0);
    console.log(`refreshed ${src.out}: ${files.length} files, ${(bytes / 1024).toFixed(0)} KB`);
  } finally {
    fs.rmSync(stagingDir, { recursive: true, force: true });
  }
}

try {
  refresh(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`refresh-reference: ${e.message} (usage: see scripts/refresh-reference.js)`);
  process.exitCode = 2;
}
