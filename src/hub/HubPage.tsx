// The hub page: the primary action in the header's command bar (Azure DevOps' convention, always
// in view), then status, options, plan and apply, connecting StackSpot, runs. Everything it shows
// comes from useSetup; the sections only render.
import * as React from "react";
import type { IHeaderCommandBarItem } from "azure-devops-ui/HeaderCommandBar";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { decisionsShown } from "./decisions";
import { HubHeader, HubPageFrame } from "./HubHeader";
import { invalidOption, optionProblems, toSetupOptions } from "./hubOptions";
import { ConnectSection, OptionsSection, RunsSection } from "./lazySections";
import { APPLY_REASON_ID, PlanSection } from "./PlanSection";
import { primaryAction, type PrimaryAction } from "./primaryAction";
import { StatusSection } from "./StatusSection";
import { useSetup, type SetupActions, type SetupModel } from "./useSetup";

const TOAST_MS = 5000;

// Asked only before a set-up that would overwrite something: loaded on demand.
const DecisionDialog = React.lazy(
  () => import(/* webpackChunkName: "decision" */ "./DecisionDialog"),
);
// Shown only after a set-up: it comes with the set-up's code.
const OutcomeToast = React.lazy(() => import(/* webpackChunkName: "apply" */ "./OutcomeToast"));

export function HubPage(): JSX.Element {
  const [model, actions, busy] = useSetup();
  const toast = useOutcomeToast(model.outcome, model.applying);
  const problems = optionsProblems(model);
  const action = primaryAction({
    plan: model.plan,
    planning: model.planning,
    applying: model.applying,
    invalidOption: problems.invalid,
    optionsProblem: problems.first,
    chosenDecisions: Object.values(model.answers).filter(Boolean).length,
  });
  return (
    <HubPageFrame className="ss-page flex-grow">
      <HubHeader
        className="ss-header"
        title="StackSpot"
        description={
          model.context
            ? `Connects ${model.context.project.name} to StackSpot EDP: StackSpot runs its ` +
              "workflows here through the stackspot pipeline."
            : undefined
        }
        commandBarItems={model.loadError ? undefined : [commandItem(action, actions.setUp)]}
      />
      {/* data-busy: whether the hub still works on what the user did last; tests wait on it. */}
      <div className="page-content page-content-top ss-content" data-busy={busy}>
        {model.loadError ? (
          <MessageCard severity={MessageCardSeverity.Error} className="ss-message" role="alert">
            {model.loadError.message} {model.loadError.remedy}
          </MessageCard>
        ) : (
          <HubSections model={model} actions={actions} action={action} problems={problems} />
        )}
      </div>
      <PendingDecision model={model} actions={actions} />
      {toast && (
        <React.Suspense fallback={null}>
          <OutcomeToast message={toast} />
        </React.Suspense>
      )}
    </HubPageFrame>
  );
}

interface HubPartProps {
  model: SetupModel;
  actions: SetupActions;
}

/** The options' problems: the first of all, and the first that keeps the project from a read. */
interface OptionsProblems {
  first?: string;
  invalid?: string;
}

function optionsProblems(model: SetupModel): OptionsProblems {
  if (!model.options || !model.choices) return {};
  const all = optionProblems(model.options, model.choices);
  return { first: Object.values(all)[0], invalid: invalidOption(all) };
}

/** The header's one button: the set-up, with why it cannot be pressed as its tooltip. */
function commandItem(action: PrimaryAction, onActivate: () => void): IHeaderCommandBarItem {
  return {
    id: "ss-apply",
    text: action.label,
    isPrimary: true,
    important: true,
    disabled: !action.enabled,
    onActivate,
    ariaDescribedBy: action.reason ? APPLY_REASON_ID : undefined,
    tooltipProps: action.reason ? { text: action.reason } : undefined,
  };
}

/** The sections of a hub that could start. */
function HubSections({
  model,
  actions,
  action,
  problems,
}: HubPartProps & { action: PrimaryAction; problems: OptionsProblems }): JSX.Element {
  // Once Azure DevOps is ready, the portal's steps are what is left: they come first in view.
  const ready = !!model.plan?.upToDate && !problems.invalid && !model.applying;
  const connect = model.context && (
    <ConnectSection
      project={model.context.project.name}
      workflowUrl={model.context.workflowUrl}
      tokenPageUrl={model.context.tokenPageUrl}
      ready={ready}
    />
  );
  return (
    <>
      {model.planError && (
        <MessageCard severity={MessageCardSeverity.Error} className="ss-message" role="alert">
          Could not read the project: {model.planError.message} {model.planError.remedy}
        </MessageCard>
      )}
      <div className="ss-columns">
        <div className="ss-column">
          <StatusSection
            plan={model.plan}
            planning={model.planning}
            waitingFor={problems.invalid}
            decisions={
              model.plan && {
                shown: decisionsShown(model.plan, model.decisionsSeen, model.answers),
                answers: model.answers,
                managed: model.managed,
                disabled: model.applying,
                onChoose: actions.choose,
              }
            }
          />
          <PlanSection
            model={model}
            actions={actions}
            action={action}
            waitingFor={problems.invalid}
          />
        </div>
        <div className="ss-column">
          {ready && connect}
          <OptionsSection
            options={model.options}
            choices={model.choices}
            disabled={model.applying}
            onChange={actions.setOptions}
          />
          {!ready && connect}
        </div>
      </div>
      <RunsSection runs={model.runs} error={model.runsError} onRefresh={actions.refreshRuns} />
    </>
  );
}

/** The dialog for the decision the set-up waits for, if any. */
function PendingDecision({ model, actions }: HubPartProps): JSX.Element | null {
  const asking = model.asking?.queue[0];
  if (!asking || !model.plan || !model.context || !model.options) return null;
  return (
    <React.Suspense fallback={null}>
      <DecisionDialog
        decision={asking}
        plan={model.plan}
        managed={model.managed}
        options={toSetupOptions(model.context.project.name, model.options)}
        onAnswer={actions.answer}
        onCancel={actions.cancelDecisions}
      />
    </React.Suspense>
  );
}

/** A short toast when a set-up ends well. */
function useOutcomeToast(outcome: string | undefined, applying: boolean): string | undefined {
  const [message, setMessage] = React.useState<string>();
  React.useEffect(() => {
    if (applying || !outcome) return;
    const text =
      outcome === "complete"
        ? "Ready for StackSpot — finish in the StackSpot portal."
        : outcome === "waiting-for-pull-request"
          ? "Set up; the file waits in a pull request."
          : undefined;
    if (!text) return;
    setMessage(text);
    const timer = window.setTimeout(() => setMessage(undefined), TOAST_MS);
    return () => window.clearTimeout(timer);
  }, [outcome, applying]);
  return message;
}
