// The pipeline file as it will be committed; when it replaces a file, the changes line by line.
// The changes need the diff library, which is loaded on demand with the decision dialog's chunk
// (YamlDiffLines.tsx): a new file, the common case, shows at once without it.
import * as React from "react";
import { splitLines } from "./fileLines";

export interface YamlDiffProps {
  /** The file on the branch now, when there is one. */
  before?: string;
  after: string;
  label: string;
}

const YamlDiffLines = React.lazy(
  () => import(/* webpackChunkName: "decision" */ "./YamlDiffLines"),
);

export function YamlDiff({ before, after, label }: YamlDiffProps): JSX.Element {
  if (before !== undefined) {
    return (
      <React.Suspense fallback={<NewFile after={after} label={label} />}>
        <YamlDiffLines before={before} after={after} label={label} />
      </React.Suspense>
    );
  }
  return <NewFile after={after} label={label} />;
}

/** The file alone, without marks. */
function NewFile({ after, label }: Omit<YamlDiffProps, "before">): JSX.Element {
  return (
    <figure className="ss-yaml" aria-label={label}>
      <pre className="ss-code" tabIndex={0}>
        {splitLines(after).map((text, i) => (
          <div key={i} className="ss-line ss-line-same">
            <span>{text || " "}</span>
          </div>
        ))}
      </pre>
    </figure>
  );
}
