// The pipeline file as it will be committed; when it replaces a file, the changes line by line.
import * as React from "react";
import { diffLines, splitLines, type DiffLine } from "./lineDiff";

export interface YamlDiffProps {
  /** The file on the branch now, when there is one. */
  before?: string;
  after: string;
  label: string;
}

const marks = { same: " ", added: "+", removed: "-" } as const;

export function YamlDiff({ before, after, label }: YamlDiffProps): JSX.Element {
  const lines: DiffLine[] =
    before === undefined
      ? splitLines(after).map((text) => ({ kind: "same", text }))
      : diffLines(before, after);
  const added = lines.filter((l) => l.kind === "added").length;
  const removed = lines.filter((l) => l.kind === "removed").length;
  return (
    <figure className="ss-yaml" aria-label={label}>
      {before !== undefined && (
        <figcaption className="secondary-text">
          {added} line{added === 1 ? "" : "s"} added, {removed} line{removed === 1 ? "" : "s"}{" "}
          removed
        </figcaption>
      )}
      <pre className="ss-code" tabIndex={0}>
        {lines.map((line, i) => (
          <div key={i} className={`ss-line ss-line-${line.kind}`}>
            {before !== undefined && (
              <span className="ss-mark" aria-label={line.kind === "same" ? undefined : line.kind}>
                {marks[line.kind]}
              </span>
            )}
            <span>{line.text || " "}</span>
          </div>
        ))}
      </pre>
    </figure>
  );
}
