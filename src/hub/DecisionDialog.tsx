// Confirms, before the set-up overwrites something, a "yes" chosen in the checklist: replacing a
// /stackspot.yml someone edited, or pointing the "stackspot" pipeline at another file (a pipeline
// this product set up is moved, not taken over). It says exactly what is lost and what becomes of
// the file the pipeline ran.
import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import type { Decision, SetupOptions, SetupPlan } from "../setup";
import { renderPipelineFile } from "../setup";
import { decisionWords, type ManagedPipeline } from "./decisions";
import YamlDiffLines from "./YamlDiffLines";

export interface DecisionDialogProps {
  decision: Decision;
  plan: SetupPlan;
  /** The pipeline the hub saw this product set up, if any. */
  managed?: ManagedPipeline;
  /** The options the set-up will run with (pool and credentials shape the new file). */
  options: SetupOptions;
  onAnswer(yes: boolean): void;
  onCancel(): void;
}

export default function DecisionDialog({
  decision,
  plan,
  managed,
  options,
  onAnswer,
  onCancel,
}: DecisionDialogProps): JSX.Element {
  const text = decisionWords(decision, plan, managed);
  return (
    <Dialog
      titleProps={{ text: text.title }}
      onDismiss={onCancel}
      className="ss-dialog"
      footerButtonProps={[
        { text: text.no, onClick: () => onAnswer(false), id: "ss-decision-no" },
        { text: text.yes, onClick: () => onAnswer(true), danger: true, id: "ss-decision-yes" },
      ]}
    >
      <div className="flex-column rhythm-vertical-8 ss-dialog-body">
        <p>{text.question}</p>
        <p className="font-weight-semibold">{text.consequence}</p>
        <LossDetails decision={decision} plan={plan} options={options} />
      </div>
    </Dialog>
  );
}

function LossDetails({
  decision,
  plan,
  options,
}: Omit<DecisionDialogProps, "onAnswer" | "onCancel">): JSX.Element | null {
  if (decision.id === "replace-edited-file" && plan.state.file) {
    const next = renderPipelineFile({ pool: options.pool, credentials: options.credentials });
    return (
      <>
        <p>
          Lines marked &quot;-&quot; are lost from the file (they stay in the repository&apos;s
          history); lines marked &quot;+&quot; are added.
        </p>
        <YamlDiffLines
          label="Changes to /stackspot.yml"
          before={plan.state.file.content}
          after={next}
        />
      </>
    );
  }
  if (decision.id === "take-over-pipeline") {
    const pipeline =
      plan.state.pipelinesNamedStackspot.find((d) => d.path === "\\" || d.path === "") ??
      plan.state.pipelinesNamedStackspot[0];
    if (!pipeline) return null;
    return (
      <dl className="ss-facts">
        <dt>Pipeline</dt>
        <dd>
          {pipeline.name} (id {pipeline.id})
        </dd>
        <dt>Runs now</dt>
        <dd>
          {pipeline.repositoryName ?? "another repository"} {pipeline.yamlFilename ?? ""}
        </dd>
        <dt>Will run</dt>
        <dd>/stackspot.yml of {plan.options.repository}</dd>
      </dl>
    );
  }
  return null;
}
