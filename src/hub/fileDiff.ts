// The pipeline file's changes line by line: the engine's (src/setup/fileDiff.ts), which the CLI's
// `plan` prints too. Only the lazily loaded "decision" chunk imports it (YamlDiffLines.tsx), so the
// diff library stays out of hub.js.
export { diffFileLines, type DiffLine } from "../setup/fileDiff";
