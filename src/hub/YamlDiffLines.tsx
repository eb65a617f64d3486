// The pipeline file's changes, each line marked kept, added or removed. In the lazily loaded
// "decision" chunk with the diff library it needs (see YamlDiff.tsx).
import * as React from "react";
import { diffFileLines } from "./fileDiff";

export interface YamlDiffLinesProps {
  /** The file on the branch now. */
  before: string;
  after: string;
  label: string;
}

const marks = { same: " ", added: "+", removed: "-" } as const;

export default function YamlDiffLines({ before, after, label }: YamlDiffLinesProps): JSX.Element {
  const lines = React.useMemo(() => diffFileLines(before, after), [before, after]);
  const added = lines.filter((l) => l.kind === "added").length;
  const removed = lines.filter((l) => l.kind === "removed").length;
  return (
    <figure className="ss-yaml" aria-label={label}>
      <figcaption className="secondary-text">
        {added} line{added === 1 ? "" : "s"} added, {removed} line{removed === 1 ? "" : "s"} removed
      </figcaption>
      <pre className="ss-code" tabIndex={0}>
        {lines.map((line, i) => (
          <div key={i} className={`ss-line ss-line-${line.kind}`}>
            <span className="ss-mark" aria-label={line.kind === "same" ? undefined : line.kind}>
              {marks[line.kind]}
            </span>
            <span>{line.text || " "}</span>
          </div>
        ))}
      </pre>
    </figure>
  );
}
