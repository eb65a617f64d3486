// "Status": the engine's checklist, each item with its state and, where the set-up will change
// something, what and why (each change once, see checklistChanges.ts); a blocked item says what
// stops it and, for a missing permission, what to do. Skeleton rows until the first read is done;
// while the options are invalid, rows that wait for valid ones (the last plan was made for other
// options, and would say what those would create).
import * as React from "react";
import { Link } from "azure-devops-ui/Link";
import { Spinner, SpinnerSize } from "azure-devops-ui/Spinner";
import { Status, Statuses, StatusSize, type IStatusProps } from "azure-devops-ui/Status";
import type { ChecklistItem, ChecklistKey, ChecklistState, Decision, SetupPlan } from "../setup";
import { changesFor } from "./checklistChanges";
import { DecisionChoice } from "./DecisionChoice";
import { decisionWords, type Answers, type ManagedPipeline } from "./decisions";
import { HubCard } from "./HubCard";

const stateView: Record<ChecklistState, { status: IStatusProps; text: string }> = {
  ok: { status: Statuses.Success, text: "OK" },
  "will-change": { status: Statuses.Information, text: "Will be set up" },
  "needs-decision": { status: Statuses.Warning, text: "Needs your decision" },
  blocked: { status: Statuses.Failed, text: "Blocked" },
  "waiting-for-pull-request": { status: Statuses.Waiting, text: "Waiting for a pull request" },
};

/** The items in the order the engine reports them; the labels show in the skeleton too. */
const skeletonLabels = [
  "Repository",
  "Pipeline file",
  "Pipeline",
  "Variables",
  "Credentials",
  "Agent pool",
];

export interface StatusSectionProps {
  plan?: SetupPlan;
  planning: boolean;
  /** The options' problem that keeps the project from being read for them, if any. */
  waitingFor?: string;
  /** The decisions to show inline, with their choice. */
  decisions?: DecisionsView;
}

export interface DecisionsView {
  shown: Decision[];
  answers: Answers;
  managed?: ManagedPipeline;
  disabled: boolean;
  onChoose(option: keyof Answers, yes: boolean): void;
}

/** What Status says while the options are invalid. */
const WAITING = "Waiting for valid options.";

export function StatusSection({
  plan,
  planning,
  waitingFor,
  decisions,
}: StatusSectionProps): JSX.Element {
  const description = plan && (waitingFor ? `${WAITING} ${waitingFor}` : summary(plan));
  return (
    <HubCard className="ss-section" title="Status" description={description || undefined}>
      <div className="ss-fill ss-status" data-planning={planning}>
        {planning && plan && !waitingFor && (
          <Spinner
            size={SpinnerSize.small}
            label="Reading the project…"
            className="ss-inline-spinner"
            ariaLive="polite"
          />
        )}
        <ul className="ss-checklist" aria-label="Set-up checklist" aria-busy={!plan}>
          {plan && waitingFor
            ? plan.checklist.map((item) => <WaitingRow key={item.key} item={item} />)
            : plan
              ? plan.checklist.map((i) => (
                  <ChecklistRow key={i.key} item={i} plan={plan} decisions={decisions} />
                ))
              : skeletonLabels.map((label) => <SkeletonRow key={label} label={label} />)}
        </ul>
      </div>
    </HubCard>
  );
}

function summary(plan: SetupPlan): string {
  // The portal's steps are the user's, and the hub cannot see whether they are done.
  if (plan.upToDate) return "Ready for StackSpot — finish in the StackSpot portal.";
  if (plan.blocked && plan.permissionDenials?.length)
    return "You lack a permission the set-up needs: nothing changes until it is granted.";
  if (plan.blocked) return "Something the set-up cannot create is missing.";
  return "The set-up will make the changes below.";
}

function ChecklistRow({
  item,
  plan,
  decisions,
}: {
  item: ChecklistItem;
  plan: SetupPlan;
  decisions?: DecisionsView;
}): JSX.Element {
  const view = stateView[item.state];
  // A blocked item changes nothing: it says what stops it instead, and what to do.
  const blocked = item.state === "blocked";
  const changes = blocked ? { lines: [] } : changesFor(item, plan.steps, labels(plan));
  return (
    <li className="ss-check-row" data-item={item.key} data-state={item.state}>
      <Status
        {...view.status}
        size={StatusSize.m}
        ariaLabel={view.text}
        className="ss-check-icon"
      />
      <div className="ss-check-body">
        <div className="ss-check-title">
          <span className="font-weight-semibold">{item.label}</span>
          <span className="secondary-text ss-check-state">{view.text}</span>
        </div>
        <div className="ss-check-detail">
          {item.detail}
          {item.link && (
            <>
              {" "}
              <Link href={item.link} target="_blank" rel="noopener noreferrer">
                Open
              </Link>
            </>
          )}
        </div>
        {(blocked ? remediesFor(item, plan) : []).map((remedy) => (
          <div key={remedy} className="ss-check-remedy">
            <span className="font-weight-semibold">What to do: </span>
            {remedy}
          </div>
        ))}
        {changes.lines.length > 0 && <ChangeList label={item.label} lines={changes.lines} />}
        {decisions?.shown
          .filter((d) => d.item === item.key && d.option !== "credentials")
          .map((d) => (
            <DecisionChoice
              key={d.id}
              decision={d}
              words={decisionWords(d, plan, decisions.managed)}
              yes={decisions.answers[d.option as keyof Answers]}
              disabled={decisions.disabled}
              onChoose={(yes) => decisions.onChoose(d.option as keyof Answers, yes)}
            />
          ))}
      </div>
    </li>
  );
}

/** What to do about the permissions that block this item, each once. */
function remediesFor(item: ChecklistItem, plan: SetupPlan): string[] {
  const denials = (plan.permissionDenials ?? []).filter((d) => d.step.item === item.key);
  return [...new Set(denials.map((d) => d.remedy))];
}

/** The changes the set-up makes to an item, each with why (or where it is made). */
function ChangeList({
  label,
  lines,
}: {
  label: string;
  lines: ReturnType<typeof changesFor>["lines"];
}): JSX.Element {
  return (
    <ul className="ss-check-changes" aria-label={`Changes to ${label}`}>
      {lines.map((line) => (
        <li
          key={line.key}
          className={line.reason === undefined ? "ss-check-pointer secondary-text" : undefined}
        >
          <span>{line.text}</span>
          {line.reason !== undefined && <span className="secondary-text"> — {line.reason}</span>}
          {line.fromTo && (
            <ul className="ss-change-fromto secondary-text">
              {line.fromTo.map((t) => (
                <li key={t}>{t}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The items' labels by key, to name the item a shared change is listed under. */
function labels(plan: SetupPlan): Partial<Record<ChecklistKey, string>> {
  return Object.fromEntries(plan.checklist.map((i) => [i.key, i.label]));
}

/** An item while the options are invalid: its name, and that it waits for them. */
function WaitingRow({ item }: { item: ChecklistItem }): JSX.Element {
  return (
    <li className="ss-check-row" data-item={item.key} data-state="waiting">
      <Status
        {...Statuses.Waiting}
        size={StatusSize.m}
        ariaLabel={WAITING}
        className="ss-check-icon"
      />
      <div className="ss-check-body">
        <div className="ss-check-title">
          <span className="font-weight-semibold">{item.label}</span>
          <span className="secondary-text ss-check-state">{WAITING}</span>
        </div>
      </div>
    </li>
  );
}

function SkeletonRow({ label }: { label: string }): JSX.Element {
  return (
    <li className="ss-check-row ss-skeleton-row" aria-hidden="true">
      <span className="ss-skeleton ss-skeleton-icon" />
      <div className="ss-check-body">
        <div className="ss-check-title">
          <span className="font-weight-semibold">{label}</span>
        </div>
        <span className="ss-skeleton ss-skeleton-line" />
      </div>
    </li>
  );
}
