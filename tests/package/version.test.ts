// The one version (package.json) and what the task's version becomes. scripts/version.js is plain
// JavaScript (npm scripts run it without a build), hence require with its shape spelled out.
const { parseVersion, taskVersionFor, VersionError } = require("../../scripts/version") as {
  parseVersion: (v: string) => { major: number; minor: number; patch: number };
  taskVersionFor: (v: string) => { Major: number; Minor: number; Patch: number };
  VersionError: new (message: string, remedy: string) => Error;
};

test("the task keeps major 1 and takes the extension's minor and patch", () => {
  expect(taskVersionFor("1.0.0")).toEqual({ Major: 1, Minor: 0, Patch: 0 });
  expect(taskVersionFor("1.12.305")).toEqual({ Major: 1, Minor: 12, Patch: 305 });
});

test("an extension major other than 1 is refused, since the task's version would go backwards", () => {
  expect(() => taskVersionFor("2.0.0")).toThrow(VersionError);
  expect(() => taskVersionFor("2.0.0")).toThrow(/major 2/);
});

test("only MAJOR.MINOR.PATCH is accepted (the Marketplace and task.json take three numbers)", () => {
  expect(parseVersion("1.2.3")).toEqual({ major: 1, minor: 2, patch: 3 });
  for (const bad of ["1.2", "1.2.3-beta.1", "v1.2.3", "1.2.3.4", ""])
    expect(() => parseVersion(bad)).toThrow(VersionError);
});
