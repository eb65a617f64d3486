// "Read 37 of 120": how far the reading of the projects' states is.
import * as React from "react";

export function ReadProgress(p: { read: number; total: number; listed: boolean }): JSX.Element {
  const label = !p.listed
    ? "Listing the organization's projects…"
    : p.read < p.total
      ? `Read ${p.read} of ${p.total}`
      : `Read all ${p.total} projects`;
  return (
    <div className="flex-row flex-center rhythm-horizontal-8 ss-read-progress">
      <progress
        max={Math.max(1, p.total)}
        value={p.read}
        aria-label="Projects read"
        className="ss-progressbar"
      />
      <span role="status">{label}</span>
    </div>
  );
}
