// The variables item: secret_cli_login and secret_git, secret and settable at queue time (StackSpot
// fills them when it queues a run). The pipeline's step makes the changes; this says where they
// stand.
import { checklistItem, ItemPlan, itemOnly } from "./checklist";
import type { PipelineDecision } from "./pipeline";
import { isCredentialName } from "./variableChanges";

export function planVariablesItem(d: PipelineDecision): ItemPlan {
  if (d.verdict.kind === "foreign" && !d.verdict.takeOver)
    return itemOnly(
      checklistItem("variables", "needs-decision", "Waits for the decision about the pipeline."),
    );
  const changing = d.vars.changes.some((c) => !c.credential && !isCredentialName(c.name));
  return itemOnly(
    changing
      ? checklistItem(
          "variables",
          "will-change",
          "secret_cli_login and secret_git will be secret, settable at queue time " +
            "(values kept; new ones empty).",
        )
      : checklistItem(
          "variables",
          "ok",
          "secret_cli_login and secret_git are secret and settable at queue time.",
        ),
  );
}
