#!/usr/bin/env node
// Builds the `stackspot-ado` command line (src/cli/main.ts) into dist/cli/: stackspot-ado.js, the
// package's bin, and two files it requires by path beside it. Everything they import is bundled,
// so the CLI starts without resolving node_modules and runs wherever Node 20+ runs.
//
// Start-up is the cost of every command, --help included, and Node compiles a whole file before
// it runs any of it, so the bin holds only our own code:
// - vendor.js: the packages the engine and the REST clients use (yaml, azure-devops-extension-api,
//   @noble/hashes, diff), each loaded on its first use. src/cli/cli.ts loads the engine only when a
//   command runs, so --help and --version never read this file.
// - undici.js: undici, half of all the code, required only when a proxy is set
//   (src/cli/network.ts).
// Each package exists once, in one file, so its classes stay one class. whatwg-fetch, which
// azure-devops-extension-api's Fetch.js imports for old browsers, is left out: Node 20 has fetch,
// Headers and Response (it also read `self` at import time, which Node does not define).
// The files are written to a temporary name and renamed, so a test running the CLI while another
// test rebuilds it never sees half a file.
const esbuild = require("esbuild");
const fs = require("node:fs");
const path = require("node:path");
const { assertOnlyBuiltinRequires } = require("./lib/assert-builtin-requires");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "src", "cli", "main.ts");
const outDir = path.join(root, "dist", "cli");
const outFile = path.join(outDir, "stackspot-ado.js");
/** Files beside the bin, which it requires by these relative paths. */
const UNDICI_FILE = "undici.js";
const VENDOR_FILE = "vendor.js";
const VENDORED = /^(yaml|azure-devops-extension-api|@noble\/hashes|diff)(\/|$)/;

const COMMON = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  // Readable stack traces matter more than a few hundred KB for a command line.
  minifyWhitespace: true,
  write: false,
  metafile: true,
  legalComments: "none",
  logLevel: "warning",
};

/** `whatwg-fetch` becomes an empty module. */
const noFetchPolyfill = {
  name: "no-fetch-polyfill",
  setup(build) {
    build.onResolve({ filter: /^whatwg-fetch$/ }, () => ({
      path: "whatwg-fetch",
      namespace: "empty",
    }));
    build.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
  },
};

/**
 * In the bin, `undici` becomes `require("./undici.js")` and each vendored import (recorded in
 * `seen`) reads its module from ./vendor.js.
 */
function binSplit(seen) {
  return {
    name: "cli-bin-split",
    setup(build) {
      for (const file of [UNDICI_FILE, VENDOR_FILE])
        build.onResolve({ filter: new RegExp(`^\\./${file.replace(".", "\\.")}$`) }, () => ({
          path: `./${file}`,
          external: true,
        }));
      build.onResolve({ filter: /^undici$/ }, () => ({ path: `./${UNDICI_FILE}`, external: true }));
      build.onResolve({ filter: VENDORED }, (args) => {
        seen.add(args.path);
        return { path: args.path, namespace: "vendored" };
      });
      build.onLoad({ filter: /.*/, namespace: "vendored" }, (args) => ({
        contents: `module.exports = require("./${VENDOR_FILE}")[${JSON.stringify(args.path)}];`,
        loader: "js",
      }));
    },
  };
}

/** vendor.js: one getter per module the bin imports, which loads it on first use. */
function vendorEntry(seen) {
  const getters = [...seen]
    .sort()
    .map((spec) => `  ${JSON.stringify(spec)}: { get: () => require(${JSON.stringify(spec)}) },`);
  const contents = `Object.defineProperties(module.exports, {\n${getters.join("\n")}\n});\n`;
  return { contents, resolveDir: root, loader: "js" };
}

function writeExecutable(file, bytes) {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, bytes, { mode: 0o755 });
  fs.renameSync(temporary, file);
}

async function main() {
  const seen = new Set();
  const bin = await esbuild.build({
    ...COMMON,
    entryPoints: [entry],
    outfile: outFile,
    banner: { js: "#!/usr/bin/env node" },
    plugins: [noFetchPolyfill, binSplit(seen)],
  });
  const [vendor, undici] = await Promise.all([
    esbuild.build({
      ...COMMON,
      stdin: vendorEntry(seen),
      outfile: path.join(outDir, VENDOR_FILE),
      plugins: [noFetchPolyfill],
    }),
    esbuild.build({
      ...COMMON,
      stdin: { contents: 'module.exports = require("undici");', resolveDir: root, loader: "js" },
      outfile: path.join(outDir, UNDICI_FILE),
    }),
  ]);
  assertOnlyBuiltinRequires(bin.metafile, [`./${UNDICI_FILE}`, `./${VENDOR_FILE}`]);
  assertOnlyBuiltinRequires(vendor.metafile);
  assertOnlyBuiltinRequires(undici.metafile);
  fs.mkdirSync(outDir, { recursive: true });
  // The bin last: its new version may need the new vendor.js.
  writeExecutable(path.join(outDir, UNDICI_FILE), undici.outputFiles[0].contents);
  writeExecutable(path.join(outDir, VENDOR_FILE), vendor.outputFiles[0].contents);
  writeExecutable(outFile, bin.outputFiles[0].contents);
  const kb = (result) => `${(result.outputFiles[0].contents.length / 1024).toFixed(1)} KB`;
  console.log(
    `build-cli: ${path.relative(root, outFile)} ${kb(bin)}, ${VENDOR_FILE} ${kb(vendor)}, ` +
      `${UNDICI_FILE} ${kb(undici)}`,
  );
}

main().catch((error) => {
  console.error(`build-cli: ${error.message}`);
  process.exit(1);
});
