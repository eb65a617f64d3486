// The set-up of the selected projects, in one side panel: options once for all of them, a review
// of what will change (with each project's decisions, opt-in), the run with Cancel, and the result
// with its export.
import * as React from "react";
import type { IButtonProps } from "azure-devops-ui/Button";
import { Panel } from "azure-devops-ui/Panel";
import { Spinner } from "azure-devops-ui/Spinner";
import { BatchOptionsForm } from "./BatchOptionsForm";
import { BatchResult } from "./BatchResult";
import { BatchReview } from "./BatchReview";
import { credentialsOf } from "./batchPlan";
import type { ProjectRow } from "./projectRows";
import type { BatchActions, BatchModel } from "./useBatchSetup";

export interface BatchPanelProps {
  model: BatchModel;
  actions: BatchActions;
  /** The table's rows, live: the panel lists the batch's projects with their progress. */
  rows: ProjectRow[];
}

export function BatchPanel({ model, actions, rows }: BatchPanelProps) {
  if (model.phase === "closed") return null;
  const n = model.projects.length;
  return (
    <Panel
      onDismiss={() => (model.phase === "running" ? undefined : actions.close())}
      titleProps={{ text: `Set up ${n} project${n === 1 ? "" : "s"}` }}
      description="StackSpot's credentials are used for this batch only: they are not shown again."
      footerButtonProps={footerButtons(model, actions)}
    >
      <div className="ss-batch" data-phase={model.phase}>
        <BatchBody model={model} actions={actions} rows={rows} />
      </div>
    </Panel>
  );
}

function BatchBody({ model, actions, rows }: BatchPanelProps) {
  switch (model.phase) {
    case "options":
      return <BatchOptionsForm settings={model.settings} onEdit={actions.edit} />;
    case "reviewing":
      return <Spinner label={`Reading what would change in ${model.projects.length} projects…`} />;
    case "review":
      return <BatchReview model={model} actions={actions} />;
    case "running":
    case "done":
      return (
        <BatchResult
          model={model}
          rows={rows.filter((r) => model.projects.some((p) => p.name === r.name))}
        />
      );
    default:
      return null;
  }
}

function footerButtons(model: BatchModel, actions: BatchActions): IButtonProps[] {
  switch (model.phase) {
    case "options": {
      const partial = hasPartialCredentials(model);
      return [
        { text: "Cancel", onClick: actions.close },
        {
          text: "Review changes",
          primary: true,
          disabled: partial,
          tooltipProps: partial
            ? { text: "Give the client id, the client key and the realm, or none of them." }
            : undefined,
          onClick: actions.review,
        },
      ];
    }
    case "review":
      return [
        { text: "Back", onClick: () => actions.open(model.projects) },
        {
          text: `Set up ${model.projects.length} projects`,
          primary: true,
          onClick: actions.run,
        },
      ];
    case "running":
      return [
        {
          text: model.cancelling ? "Cancelling…" : "Cancel",
          disabled: model.cancelling,
          onClick: actions.cancel,
        },
      ];
    case "done":
      return [{ text: "Done", primary: true, onClick: actions.close }];
    default:
      return [];
  }
}

function hasPartialCredentials(model: BatchModel): boolean {
  const s = model.settings;
  const any = Boolean(s.clientId.trim() || s.clientKey || s.realm.trim());
  return any && !credentialsOf(s);
}
