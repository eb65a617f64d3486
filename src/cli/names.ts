// Project and repository names are checked before any request: they become URL path segments, so
// "Demo/../Odd", "." or ".." would address other resources (the project list was once taken for
// "the project"). The rules follow Microsoft's "Naming restrictions" page
// (https://learn.microsoft.com/azure/devops/organizations/settings/naming-restrictions), the part
// of it that keeps a name one path segment:
// - project: at most 64 characters; none of \ / : * ? " ' < > ; # $ { } , + = [ ] | ; no control
//   character; not starting with "_" nor starting or ending with "."
// - repository: at most 64 characters; none of \ / : * ? " < > ; # $ { } , + = [ ] | ; no control
//   character; not starting with "_" nor starting or ending with "." (so never "." or "..")
// Reserved names (CON, PRN, …) are left to the service: they cannot reach another URL.
import { UsageError } from "./errors";

const MAX_LENGTH = 64;
const CHARACTER_NAMES: Record<string, string> = {
  "\\": "a backslash",
  "/": "a slash",
  ":": "a colon",
  "*": "an asterisk",
  "?": "a question mark",
  '"': "a double quote",
  "'": "a single quote",
  "<": "a less-than sign",
  ">": "a greater-than sign",
  ";": "a semicolon",
  "#": "a hash sign",
  $: "a dollar sign",
  "{": "an opening brace",
  "}": "a closing brace",
  ",": "a comma",
  "+": "a plus sign",
  "=": "an equals sign",
  "[": "an opening bracket",
  "]": "a closing bracket",
  "|": "a vertical bar",
};
const PROJECT_REFUSED = new Set(Object.keys(CHARACTER_NAMES));
// The page lists no single quote among the characters a repository name cannot hold.
const REPOSITORY_REFUSED = new Set([...PROJECT_REFUSED].filter((c) => c !== "'"));

export type NameKind = "project" | "repository";

/** What is wrong with `name`, in words, or undefined when it follows the rules. */
export function nameProblem(kind: NameKind, name: string): string | undefined {
  const characters = Array.from(name);
  if (characters.length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  const refused = kind === "project" ? PROJECT_REFUSED : REPOSITORY_REFUSED;
  const bad = characters.find((c) => refused.has(c) || /[\u0000-\u001f\u007f]/.test(c));
  if (bad !== undefined)
    return `contains ${CHARACTER_NAMES[bad] ?? "a control character or line break"}`;
  if (name.startsWith("_")) return "starts with an underscore";
  if (name.startsWith(".") || name.endsWith(".")) return "starts or ends with a period";
  return undefined;
}

/** Throws a UsageError for the first name breaking the rules. */
export function checkNames(projects: string[], repository: string | undefined, command: string) {
  const named: [NameKind, string][] = projects.map((p) => ["project", p]);
  if (repository !== undefined) named.push(["repository", repository]);
  for (const [kind, name] of named) {
    const problem = nameProblem(kind, name);
    if (problem) {
      throw new UsageError(
        `The ${kind} name "${printable(name)}" ${problem}.`,
        `Give the ${kind} name exactly as Azure DevOps shows it; ` +
          "see Azure DevOps' naming restrictions.",
        command,
      );
    }
  }
}

/** Control characters are shown as "?" so that a name cannot rewrite the terminal. */
function printable(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, "?");
}
