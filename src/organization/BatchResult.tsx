// While the batch runs: how far it is. Afterwards: where the projects stand, and the export.
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { download, runReportCsv, runReportJson } from "./exportRun";
import { STATE_LABELS, type ProjectRow } from "./projectRows";
import type { BatchModel } from "./useBatchSetup";

export function BatchResult({ model, rows }: { model: BatchModel; rows: ProjectRow[] }) {
  const result = model.result;
  if (!result) {
    return (
      <div className="flex-column rhythm-vertical-8">
        <p role="status" className="ss-batch-progress">
          {model.cancelling
            ? "Cancelling: no new project or step starts; the steps running now finish."
            : "Setting up…"}
        </p>
        <BatchRows rows={rows} />
      </div>
    );
  }
  const c = result.counts;
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return (
    <div className="flex-column rhythm-vertical-16">
      <p role="status" className="ss-batch-summary">
        {c.ready} ready, {c["waiting-for-pull-request"]} waiting for a pull request,{" "}
        {c["needs-decision"] + c["changes-pending"]} not finished, {c.failed + c.blocked} failed or
        blocked.
      </p>
      <div className="flex-row rhythm-horizontal-8">
        <Button
          text="Export JSON"
          onClick={() =>
            download(`stackspot-setup-${stamp}.json`, "application/json", runReportJson(result))
          }
        />
        <Button
          text="Export CSV"
          onClick={() => download(`stackspot-setup-${stamp}.csv`, "text/csv", runReportCsv(result))}
        />
      </div>
    </div>
  );
}

/** Each project of the batch with what it is doing (the table behind the panel shows the same). */
function BatchRows({ rows }: { rows: ProjectRow[] }): JSX.Element {
  return (
    <ul className="ss-counts ss-batch-rows" aria-label="Progress by project">
      {rows.map((r) => (
        <li key={r.name}>
          <span className="font-weight-semibold">{r.name}</span>:{" "}
          {r.activity === "Done" ? STATE_LABELS[r.state] : (r.activity ?? "Queued")}
        </li>
      ))}
    </ul>
  );
}
