// A decision shown inline in its checklist item, with its choice: "no" (leave it) until the user
// picks "yes". Changing it reads the project again, so the checklist and the plan show what the
// set-up will then do; the dialog confirms a "yes" before anything is written.
import * as React from "react";
import { RadioButton, RadioButtonGroup } from "azure-devops-ui/RadioButton";
import type { Decision } from "../setup";
import type { DecisionWords } from "./decisions";

export interface DecisionChoiceProps {
  decision: Decision;
  words: DecisionWords;
  /** The answer chosen; undefined: not chosen, which the set-up takes as "no". */
  yes?: boolean;
  disabled: boolean;
  onChoose(yes: boolean): void;
}

export function DecisionChoice({
  decision,
  words,
  yes,
  disabled,
  onChoose,
}: DecisionChoiceProps): JSX.Element {
  const id = `ss-decision-${decision.id}`;
  return (
    <div className="ss-decision" data-decision={decision.id}>
      <p className="ss-hint">{words.question}</p>
      <p className="secondary-text ss-hint">{words.consequence}</p>
      <RadioButtonGroup
        id={id}
        className="ss-decision-choice"
        selectedButtonId={yes ? `${id}-yes` : `${id}-no`}
        onSelect={(buttonId) => onChoose(buttonId === `${id}-yes`)}
      >
        <RadioButton id={`${id}-no`} text={words.no} key="no" disabled={disabled} />
        <RadioButton id={`${id}-yes`} text={words.yes} key="yes" disabled={disabled} />
      </RadioButtonGroup>
    </div>
  );
}
