// Asks before the set-up overwrites something a person made: a /stackspot.yml someone edited, or a
// pipeline named "stackspot" that runs another file. The dialog says exactly what will be lost.
import * as React from "react";
import { Dialog } from "azure-devops-ui/Dialog";
import type { Decision, SetupOptions, SetupPlan } from "../setup";
import { renderPipelineFile } from "../setup";
import YamlDiffLines from "./YamlDiffLines";

export interface DecisionDialogProps {
  decision: Decision;
  plan: SetupPlan;
  /** The options the set-up will run with (pool and credentials shape the new file). */
  options: SetupOptions;
  onAnswer(yes: boolean): void;
  onCancel(): void;
}

const titles: Record<string, { title: string; yes: string; no: string }> = {
  "replace-edited-file": {
    title: "Replace the edited /stackspot.yml?",
    yes: "Replace the file",
    no: "Keep my file",
  },
  "take-over-pipeline": {
    title: "Take over the stackspot pipeline?",
    yes: "Take over the pipeline",
    no: "Leave it as it is",
  },
};

export default function DecisionDialog({
  decision,
  plan,
  options,
  onAnswer,
  onCancel,
}: DecisionDialogProps): JSX.Element {
  const text = titles[decision.id] ?? { title: "Confirm", yes: "Yes", no: "No" };
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
        <p>{decision.question}</p>
        <p className="font-weight-semibold">{decision.consequence}</p>
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
