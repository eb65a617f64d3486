// The extension's one version number lives in package.json ("version"). Everything else is derived
// from it here: the manifest's version, and the StackSpotResume task's Minor and Patch.
// `node scripts/version.js` prints what the next package will carry.
const fs = require("node:fs");
const path = require("node:path");

/** A version that cannot be packaged, with what to do about it. */
class VersionError extends Error {
  /** @param {string} message @param {string} remedy */
  constructor(message, remedy) {
    super(`${message} ${remedy}`);
    this.name = "VersionError";
    this.remedy = remedy;
  }
}

/**
 * The task's major version is part of its name in pipelines (StackSpotResume@1): it never follows
 * the extension.
 */
const TASK_MAJOR = 1;

/** @param {string} root @returns {string} */
function readVersion(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  return pkg.version;
}

/** @param {string} version @returns {{major: number, minor: number, patch: number}} */
function parseVersion(version) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(String(version));
  if (!m) {
    throw new VersionError(
      `package.json version "${version}" is not MAJOR.MINOR.PATCH.`,
      "The Marketplace and the task.json version accept three numbers only: set it with `npm version X.Y.Z --no-git-tag-version`.",
    );
  }
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) };
}

/**
 * The task version for an extension version: Major stays 1, Minor and Patch follow the extension.
 * An extension major other than 1 would make the task's version go backwards (2.0.0 → task 1.0.0,
 * older than a shipped 1.4.2), and agents would keep the old task: refuse rather than ship that
 * silently.
 * @param {string} version
 */
function taskVersionFor(version) {
  const v = parseVersion(version);
  if (v.major !== TASK_MAJOR) {
    throw new VersionError(
      `Extension version ${version} has major ${v.major}, but the task's version is ${TASK_MAJOR}.MINOR.PATCH taken from it.`,
      `Keep the extension on major ${TASK_MAJOR}, or decide how StackSpotResume's Minor grows past it and change scripts/version.js.`,
    );
  }
  return { Major: TASK_MAJOR, Minor: v.minor, Patch: v.patch };
}

module.exports = { VersionError, TASK_MAJOR, readVersion, parseVersion, taskVersionFor };

if (require.main === module) {
  const root = path.resolve(__dirname, "..");
  const version = readVersion(root);
  const task = taskVersionFor(version);
  console.log(
    `extension ${version}, task StackSpotResume ${task.Major}.${task.Minor}.${task.Patch}`,
  );
}
