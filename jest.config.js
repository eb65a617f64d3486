/** One jest run covers every suite: unit, contract, integration, task, CLI, browser, package. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests", "<rootDir>/tasks"],
  // Types are checked once by `npm run typecheck`; jest only transpiles (much faster on 2 cores).
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }] },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  setupFiles: ["<rootDir>/tests/support/node-globals.ts"],
  setupFilesAfterEnv: ["<rootDir>/tests/support/contract-guard.ts"],
  testTimeout: 60000,
  maxWorkers: 2,
};
