// A text file's changes line by line, with jsdiff (the `diff` package): what `stackspot-ado plan`
// prints under a step that rewrites /stackspot.yml, and what the hub's decision dialog shows (its
// lazily loaded "decision" chunk imports this file, so the library stays out of hub.js).
import { diffLines } from "diff";
import { splitLines } from "./fileLines";

export interface DiffLine {
  kind: "same" | "added" | "removed";
  text: string;
}

export function diffFileLines(before: string, after: string): DiffLine[] {
  // Both sides as "\n"-ended lines: CRLF and a missing final newline are not changes.
  const normalize = (text: string) =>
    splitLines(text)
      .map((line) => `${line}\n`)
      .join("");
  return diffLines(normalize(before), normalize(after)).flatMap((change) => {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    return splitLines(change.value).map((text) => ({ kind, text }) as DiffLine);
  });
}
