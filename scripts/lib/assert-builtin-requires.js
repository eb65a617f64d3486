// Shared by the Node bundles (task, CLI): a bundle ships alone, without node_modules beside it,
// so every require() esbuild leaves in it must name a Node built-in module, or one of the files
// the build writes beside it (`allowed`, relative paths).
const { builtinModules } = require("node:module");

function assertOnlyBuiltinRequires(meta, allowed = []) {
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  const output = Object.values(meta.outputs)[0];
  const foreign = (output.imports || [])
    .filter((i) => i.external && !builtins.has(i.path) && !allowed.includes(i.path))
    .map((i) => i.path);
  if (foreign.length)
    throw new Error(`the bundle still requires ${foreign.join(", ")} at run time`);
}

module.exports = { assertOnlyBuiltinRequires };
