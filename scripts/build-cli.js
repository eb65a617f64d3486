#!/usr/bin/env node
// Builds the `stackspot-ado` command line (src/cli/main.ts) into one file,
// dist/cli/stackspot-ado.js, the package's bin. Everything it imports is bundled, so it starts
// without resolving node_modules and runs wherever Node 20+ runs.
//
// The banner does two things before any bundled module runs: - the shebang, so the file is
//   executable as a bin; - `globalThis.self = globalThis`: azure-devops-extension-api loads
//   whatwg-fetch, which reads `self` at import time (Node's own fetch is then used).
// The file is written to a temporary name and renamed, so a test running the CLI while another test
// rebuilds it never sees half a file.
const esbuild = require("esbuild");
const fs = require("node:fs");
const path = require("node:path");
const { assertOnlyBuiltinRequires } = require("./lib/assert-builtin-requires");

const root = path.resolve(__dirname, "..");
const entry = path.join(root, "src", "cli", "main.ts");
const outFile = path.join(root, "dist", "cli", "stackspot-ado.js");

async function main() {
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    // Readable stack traces matter more than a few hundred KB for a command line.
    minifyWhitespace: true,
    write: false,
    outfile: outFile,
    metafile: true,
    legalComments: "none",
    banner: { js: "#!/usr/bin/env node\nglobalThis.self = globalThis;" },
    logLevel: "warning",
  });
  assertOnlyBuiltinRequires(result.metafile);
  const bundle = result.outputFiles[0].contents;
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  const temporary = `${outFile}.${process.pid}.${Date.now()}.tmp`;
  fs.writeFileSync(temporary, bundle, { mode: 0o755 });
  fs.renameSync(temporary, outFile);
  console.log(`build-cli: ${path.relative(root, outFile)} ${(bundle.length / 1024).toFixed(1)} KB`);
}

main().catch((error) => {
  console.error(`build-cli: ${error.message}`);
  process.exit(1);
});
