// What the task bundle leaves out, as an esbuild plugin (scripts/build-task.js, and the test that
// proves a left-out path fails loudly: tasks/StackSpotResume/tests/bundle-trims.test.ts).
//
// - task-lib's own messages in English only. lib-resource.js carries them in ten languages (63 KB
//   of the bundle); the English table is task-lib's fallback for every culture, so on a German
//   agent task-lib's few messages appear in English. The task's own messages come from task.json.
// - `qs`: typed-rest-client requires it for one helper, Util.getUrl with query parameters, which
//   tool-lib's downloadTool never passes. With its dependencies (side-channel, object-inspect,
//   get-intrinsic...) it is about 50 KB.
// - `minimatch`: task-lib requires it for tl.match / tl.findMatch / tl.filter, which the task
//   never calls.
// A left-out package is replaced by a stub whose every member throws RemovedFromBundleError, naming
// the member: a task change that starts using one fails its first test run instead of misbehaving.
const fs = require("node:fs");
const path = require("node:path");

const NAMESPACE = "task-bundle-trims";

/** Packages replaced by throwing stubs, with the members their importers use. */
const REMOVED_PACKAGES = {
  qs: { callable: false, members: ["stringify", "parse", "formats"] },
  minimatch: {
    callable: true,
    members: ["match", "filter", "braceExpand", "makeRe", "Minimatch", "defaults"],
  },
};

function stubSource(name, { callable, members }) {
  return `
class RemovedFromBundleError extends Error {
  constructor(member) {
    super(${JSON.stringify(name)} + (member ? "." + member : "") +
      " was left out of the StackSpotResume bundle (scripts/lib/task-bundle-trims.js): " +
      "the task must not call it, or the build must stop leaving it out.");
    this.name = "RemovedFromBundleError";
  }
}
function removed(member) {
  return function () { throw new RemovedFromBundleError(member); };
}
module.exports = ${callable ? "removed(undefined)" : "{}"};
for (const member of ${JSON.stringify(members)}) module.exports[member] = removed(member);
module.exports.RemovedFromBundleError = RemovedFromBundleError;
`;
}

/** task-lib's lib-resource.js with only its English table (its own fallback for any culture). */
function englishLibResource(resolveDir) {
  const full = require(path.join(resolveDir, "lib-resource.js"));
  return `module.exports = ${JSON.stringify({ messages: full.messages })};`;
}

function taskBundleTrims() {
  return {
    name: NAMESPACE,
    setup(build) {
      const removedFilter = new RegExp(`^(${Object.keys(REMOVED_PACKAGES).join("|")})$`);
      build.onResolve({ filter: removedFilter }, (args) => ({
        path: args.path,
        namespace: NAMESPACE,
        pluginData: { kind: "removed" },
      }));
      build.onResolve({ filter: /^\.\/lib-resource(\.js)?$/ }, (args) => {
        if (!/azure-pipelines-task-lib$/.test(args.resolveDir)) return undefined;
        if (!fs.existsSync(path.join(args.resolveDir, "lib-resource.js"))) return undefined;
        return {
          path: "azure-pipelines-task-lib/lib-resource.en",
          namespace: NAMESPACE,
          pluginData: { kind: "english", resolveDir: args.resolveDir },
        };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
        contents:
          args.pluginData.kind === "english"
            ? englishLibResource(args.pluginData.resolveDir)
            : stubSource(args.path, REMOVED_PACKAGES[args.path]),
        loader: "js",
      }));
    },
  };
}

module.exports = { taskBundleTrims, REMOVED_PACKAGES };
