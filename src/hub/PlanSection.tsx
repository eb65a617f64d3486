// "Plan and apply": the file that will be committed (with a diff when it replaces one), why the
// header's action cannot be pressed when it cannot, each step's progress live, and on error the
// step, the message, the remedy and "Retry". While the options are invalid it waits for valid ones
// rather than show a plan made for other options.
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { Link } from "azure-devops-ui/Link";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { getSafeId } from "azure-devops-ui/Util";
import { Status, Statuses, StatusSize, type IStatusProps } from "azure-devops-ui/Status";
import { shortBranchName, type SetupPlan } from "../setup";
import type { PrimaryAction } from "./primaryAction";
import type { SetupActions, SetupModel, StepStatus } from "./useSetup";
import { YamlDiff } from "./YamlDiff";
import { HubCard } from "./HubCard";

const stepStatus: Record<StepStatus, { status: IStatusProps; text: string }> = {
  queued: { status: Statuses.Queued, text: "Waiting" },
  running: { status: Statuses.Running, text: "Running" },
  done: { status: Statuses.Success, text: "Done" },
  failed: { status: Statuses.Failed, text: "Failed" },
  skipped: { status: Statuses.Skipped, text: "Skipped" },
};

/**
 * The element that says why the header's action cannot be pressed: the action's aria-describedby,
 * which azure-devops-ui turns into this element's id with getSafeId.
 */
export const APPLY_REASON_ID = "ss-apply-reason";
const reasonElementId = getSafeId(APPLY_REASON_ID);

export interface PlanSectionProps {
  model: SetupModel;
  actions: SetupActions;
  /** The header's action, and why it cannot be pressed. */
  action: PrimaryAction;
  /** The options' problem that keeps the plan from being read for them, if any. */
  waitingFor?: string;
}

/** The permissions the user lacks for this plan, by their Azure DevOps names (each once). */
export function missingPermissions(plan: SetupPlan): string[] {
  return [...new Set((plan.permissionDenials ?? []).map((d) => d.permission.permission))];
}

/**
 * Why the button cannot be pressed: a missing permission (nothing was changed), or a missing
 * prerequisite.
 */
function BlockedReason({ plan, tried }: { plan: SetupPlan; tried: boolean }): JSX.Element {
  const missing = missingPermissions(plan);
  if (!missing.length)
    return (
      <span className="secondary-text ss-blocked-reason" id={reasonElementId}>
        Fix what the checklist marks as blocked first.
      </span>
    );
  const names = missing.map((m) => `"${m}"`).join(", ");
  const what =
    `you lack the ${names} permission${missing.length > 1 ? "s" : ""} (see Status). ` +
    "Once granted, try again.";
  return (
    <span className="secondary-text ss-blocked-reason" role="status" id={reasonElementId}>
      {tried ? `Nothing was changed: ${what}` : `The set-up cannot start: ${what}`}
    </span>
  );
}

export function PlanSection(props: PlanSectionProps): JSX.Element {
  const { model, actions, waitingFor } = props;
  const { plan, applying, failure, outcome } = model;
  // A plan for other options than the form's is not shown, nor the action's state it implies.
  const shown = waitingFor ? undefined : plan;
  return (
    <HubCard className="ss-section" title="Plan and apply">
      <div
        className="ss-fill flex-column rhythm-vertical-16 ss-plan"
        data-applying={applying}
        data-outcome={outcome ?? ""}
      >
        {!plan && <span className="ss-skeleton ss-skeleton-block" aria-hidden="true" />}
        {shown && <PipelineFile plan={shown} />}
        {shown && shown.decisions.some((d) => d.option === "credentials") && (
          <MessageCard severity={MessageCardSeverity.Warning} className="ss-message">
            Choose the credentials in Options: the set-up cannot finish without them.
          </MessageCard>
        )}
        {plan && <ApplyRow {...props} plan={plan} />}
        {model.progress.length > 0 && <ProgressList progress={model.progress} />}
        {model.note && <p className="secondary-text">{model.note}</p>}
        {failure && !applying && <FailureCard failure={failure} onRetry={actions.retry} />}
        {!applying && <OutcomeCards model={model} />}
      </div>
    </HubCard>
  );
}

/** The file the set-up commits (its changes when it replaces one), or that it stays. */
function PipelineFile({ plan }: { plan: SetupPlan }): JSX.Element | null {
  const write = plan.steps.find((s) => s.spec.kind === "write-file");
  const content = write?.spec.kind === "write-file" ? write.spec : undefined;
  if (!content)
    return plan.state.file ? (
      <p className="secondary-text">/stackspot.yml stays as it is.</p>
    ) : null;
  return (
    <div>
      <h3 className="ss-subtitle">
        {content.mode === "add"
          ? "/stackspot.yml will be committed"
          : "/stackspot.yml will be replaced"}
        <span className="secondary-text"> on {shortBranchName(content.branch)}</span>
      </h3>
      <YamlDiff
        label="Pipeline file"
        before={content.mode === "add" ? undefined : plan.state.file?.content}
        after={content.content}
      />
    </div>
  );
}

/**
 * Why the header's action cannot be pressed ("Up to date", waiting for valid options, blocked, the
 * options to complete), and "Try again" once a missing permission may have been granted.
 */
function ApplyRow({
  model,
  plan,
  actions,
  action,
  waitingFor,
}: PlanSectionProps & { plan: SetupPlan }): JSX.Element | null {
  const { applying, outcome } = model;
  const blocked = plan.blocked && !waitingFor;
  if (applying || (!blocked && !action.reason)) return null;
  return (
    <div className="flex-row flex-center flex-wrap rhythm-horizontal-8 ss-apply-row">
      {blocked ? (
        <BlockedReason plan={plan} tried={outcome !== undefined} />
      ) : (
        <span
          className={waitingFor ? "ss-waiting" : "secondary-text"}
          id={reasonElementId}
          role="status"
        >
          {action.reason}
        </span>
      )}
      {blocked && missingPermissions(plan).length > 0 && (
        <Button
          text="Try again"
          onClick={actions.retry}
          id="ss-retry-blocked"
          ariaLabel="Try the set-up again once the permission is granted"
        />
      )}
    </div>
  );
}

/** Each step of the set-up with its live state and, once done, what it did. */
function ProgressList({ progress }: { progress: SetupModel["progress"] }): JSX.Element {
  return (
    <ol className="ss-progress" aria-label="Set-up progress" aria-live="polite">
      {progress.map((p) => (
        <li key={p.step.id} className="ss-progress-row" data-status={p.status}>
          <Status
            {...stepStatus[p.status].status}
            size={StatusSize.m}
            animated={p.status === "running"}
            ariaLabel={stepStatus[p.status].text}
          />
          <span className="ss-progress-text">
            {p.step.change}
            {p.detail && p.status !== "failed" && (
              <span className="secondary-text"> — {p.detail}</span>
            )}
            {p.link && (
              <>
                {" "}
                <Link href={p.link} target="_blank" rel="noopener noreferrer">
                  Open
                </Link>
              </>
            )}
          </span>
        </li>
      ))}
    </ol>
  );
}

function FailureCard({
  failure,
  onRetry,
}: {
  failure: NonNullable<SetupModel["failure"]>;
  onRetry(): void;
}): JSX.Element {
  return (
    <MessageCard
      severity={MessageCardSeverity.Error}
      className="ss-message ss-failure"
      role="alert"
      buttonProps={[{ text: "Retry", onClick: onRetry, id: "ss-retry" }]}
    >
      <div className="flex-column rhythm-vertical-4">
        <span className="font-weight-semibold">Failed: {failure.what}</span>
        <span>{failure.message}</span>
        <span>
          <span className="font-weight-semibold">What to do: </span>
          {failure.remedy}
        </span>
        {failure.partial && <PartialLists partial={failure.partial} />}
      </div>
    </MessageCard>
  );
}

/** A run that stopped half-way: what it changed, what it did not, and what Retry does. */
function PartialLists({
  partial,
}: {
  partial: NonNullable<NonNullable<SetupModel["failure"]>["partial"]>;
}): JSX.Element {
  return (
    <div className="ss-partial flex-column rhythm-vertical-4">
      <span className="font-weight-semibold">
        Partially applied: Retry makes only what is left.
      </span>
      <span>Changed:</span>
      <ul className="ss-partial-changed">
        {partial.changed.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <span>Not changed:</span>
      <ul className="ss-partial-unchanged">
        {partial.unchanged.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

/** What a set-up that ended short of complete leaves to the user. */
function OutcomeCards({ model }: { model: SetupModel }): JSX.Element {
  const { outcome, pullRequest } = model;
  return (
    <>
      {outcome === "waiting-for-pull-request" && pullRequest && (
        <MessageCard severity={MessageCardSeverity.Info} className="ss-message ss-pull-request">
          The default branch is protected by policies, so the file waits in pull request{" "}
          <Link href={pullRequest.url} target="_blank" rel="noopener noreferrer">
            #{pullRequest.id} {pullRequest.title}
          </Link>
          . Everything else is set up; complete the pull request to finish.
        </MessageCard>
      )}
      {outcome === "needs-decision" && (
        <MessageCard severity={MessageCardSeverity.Warning} className="ss-message">
          Everything else is set up. What you chose to keep is left as it is; the checklist shows
          what it still needs.
        </MessageCard>
      )}
    </>
  );
}
