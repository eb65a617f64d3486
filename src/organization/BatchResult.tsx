// While the batch runs: how far it is. Afterwards: where the projects stand, and the export.
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { download, runReportCsv, runReportJson } from "./exportRun";
import type { BatchModel } from "./useBatchSetup";

export function BatchResult({ model }: { model: BatchModel }): JSX.Element {
  const result = model.result;
  if (!result) {
    return (
      <p role="status" className="ss-batch-progress">
        {model.cancelling
          ? "Cancelling: no new project or step starts; the steps running now finish."
          : "Setting up… each row of the table shows its project's progress."}
      </p>
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
