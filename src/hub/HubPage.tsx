// The hub page: status, options, plan and apply, connecting StackSpot, runs. Everything it shows
// comes from useSetup; the sections only render.
import * as React from "react";
import { Header, TitleSize } from "azure-devops-ui/Header";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Page } from "azure-devops-ui/Page";
import { ConnectSection } from "./ConnectSection";
import { optionProblems, toSetupOptions } from "./hubOptions";
import { OptionsSection } from "./OptionsSection";
import { PlanSection } from "./PlanSection";
import { RunsSection } from "./RunsSection";
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
  return (
    <Page className="ss-page flex-grow">
      <Header
        title="StackSpot"
        titleSize={TitleSize.Large}
        description={
          model.context
            ? `Connects ${model.context.project.name} to StackSpot EDP: StackSpot runs its ` +
              "workflows here through the stackspot pipeline."
            : undefined
        }
      />
      {/* data-busy: whether the hub still works on what the user did last; tests wait on it. */}
      <div className="page-content page-content-top ss-content" data-busy={busy}>
        {model.loadError ? (
          <MessageCard severity={MessageCardSeverity.Error} className="ss-message" role="alert">
            {model.loadError.message} {model.loadError.remedy}
          </MessageCard>
        ) : (
          <HubSections model={model} actions={actions} />
        )}
      </div>
      <PendingDecision model={model} actions={actions} />
      {toast && (
        <React.Suspense fallback={null}>
          <OutcomeToast message={toast} />
        </React.Suspense>
      )}
    </Page>
  );
}

interface HubPartProps {
  model: SetupModel;
  actions: SetupActions;
}

/** The sections of a hub that could start. */
function HubSections({ model, actions }: HubPartProps): JSX.Element {
  const optionsProblem =
    model.options && model.choices
      ? Object.values(optionProblems(model.options, model.choices))[0]
      : undefined;
  return (
    <>
      {model.planError && (
        <MessageCard severity={MessageCardSeverity.Error} className="ss-message" role="alert">
          Could not read the project: {model.planError.message} {model.planError.remedy}
        </MessageCard>
      )}
      <div className="ss-columns">
        <div className="ss-column">
          <StatusSection plan={model.plan} planning={model.planning} />
          <PlanSection model={model} actions={actions} optionsProblem={optionsProblem} />
        </div>
        <div className="ss-column">
          <OptionsSection
            options={model.options}
            choices={model.choices}
            disabled={model.applying}
            onChange={actions.setOptions}
          />
          {model.context && (
            <ConnectSection
              workflowUrl={model.context.workflowUrl}
              tokenPageUrl={model.context.tokenPageUrl}
            />
          )}
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
        ? "StackSpot is set up in this project."
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
