// Lint rules. The layering below is the architecture (docs/ARCHITECTURE.md) made enforceable:
// a wrong import fails `npm run lint`, which `npm test` runs first.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

/** A no-restricted-imports rule that forbids the given path patterns, with a reason. */
function forbid(patterns, message) {
  return {
    "no-restricted-imports": ["error", { patterns: [{ group: patterns, message }] }],
  };
}

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "coverage/", ".tmp/", "tests/fixtures/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-require-imports": "off",
      // Prettier wraps code at 100 columns but leaves comments and strings alone.
      "max-len": [
        "error",
        {
          code: 100,
          ignoreUrls: true,
          ignoreStrings: true,
          ignoreTemplateLiterals: true,
          ignoreRegExpLiterals: true,
        },
      ],
      // Names, ANSI sequences and YAML are checked for control characters on purpose.
      "no-control-regex": "off",
    },
  },
  {
    files: ["src/hub/**/*.{ts,tsx}", "src/organization/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    // Product code: no line past the formatter's width, strings included, and short functions
    // (docs/ARCHITECTURE.md and CONTRIBUTING.md give the reasons).
    files: ["src/**/*.{ts,tsx}", "tasks/*/src/**/*.ts"],
    rules: {
      "max-len": ["error", { code: 100, ignoreUrls: true, ignoreRegExpLiterals: true }],
      "max-lines-per-function": [
        "error",
        { max: 60, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    // Tests take apart arbitrary JSON (specs, schemas, REST bodies) where a type would say nothing.
    files: ["tests/**/*.ts", "tasks/*/tests/**/*.ts", "bench/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/setup/**/*.ts"],
    rules: forbid(
      [
        "**/hub",
        "**/organization",
        "**/cli",
        "**/tasks",
        "react",
        "react-dom",
        "azure-devops-ui*",
        "azure-devops-extension-sdk",
      ],
      "The setup engine is plain TypeScript: it never imports the hub, the CLI, the task, React or the SDK.",
    ),
  },
  {
    files: ["src/errors/**/*.ts"],
    rules: forbid(
      ["../*", "react", "azure-devops-*"],
      "src/errors is the one error shape every part imports: it imports nothing of the product.",
    ),
  },
  {
    files: ["src/ado/**/*.ts"],
    rules: forbid(
      ["**/setup", "**/hub", "**/organization", "**/cli", "**/tasks"],
      "src/ado is Azure DevOps access only: it never imports the engine, the hub, the CLI or the task.",
    ),
  },
  {
    files: ["src/hub/**/*.{ts,tsx}"],
    rules: forbid(["**/cli", "**/tasks"], "The hub and the CLI never import each other."),
  },
  {
    // The organization view shares the hub's small pieces (the SDK bootstrap, icons, the error
    // wording); the hub never depends on it.
    files: ["src/organization/**/*.{ts,tsx}"],
    rules: forbid(
      ["**/cli", "**/tasks"],
      "The organization view and the CLI never import each other; both use the engine.",
    ),
  },
  {
    files: ["src/cli/**/*.ts"],
    rules: forbid(
      [
        "**/hub",
        "**/organization",
        "**/tasks",
        "react",
        "react-dom",
        "azure-devops-ui*",
        "azure-devops-extension-sdk",
      ],
      "The hub and the CLI never import each other; the CLI has no React or SDK.",
    ),
  },
  {
    files: ["tasks/*/src/**/*.ts"],
    rules: forbid(
      ["**/src"],
      "The task is self-contained: it imports nothing from the repository's src/.",
    ),
  },
);
