// What the set-up will change across the selection: how many projects each kind of change
// touches, the projects it cannot change and why, and each project's decisions, opt-in.
import * as React from "react";
import { Checkbox } from "azure-devops-ui/Checkbox";
import type { BatchActions, BatchModel } from "./useBatchSetup";

export function BatchReview({ model, actions }: { model: BatchModel; actions: BatchActions }) {
  const summary = model.summary;
  if (!summary) return null;
  return (
    <div className="flex-column rhythm-vertical-16">
      <section aria-label="Changes">
        <h3 className="ss-subtitle">Changes</h3>
        {summary.changes.length ? (
          <ul className="ss-counts">
            {summary.changes.map((c) => (
              <li key={c.kind} data-kind={c.kind}>
                {c.label}: {c.projects} project{c.projects === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        ) : (
          <p>Nothing to change.</p>
        )}
        {summary.upToDate > 0 && <p className="secondary-text">{summary.upToDate} up to date.</p>}
      </section>
      {summary.decisions.length > 0 && <Decisions model={model} actions={actions} />}
      {summary.blocked.length > 0 && (
        <section aria-label="Not changed">
          <h3 className="ss-subtitle">Not changed</h3>
          <ul className="ss-counts">
            {summary.blocked.map((b) => (
              <li key={b.project}>
                <span className="font-weight-semibold">{b.project}</span>: {b.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Decisions({ model, actions }: { model: BatchModel; actions: BatchActions }) {
  return (
    <section aria-label="Decisions">
      <h3 className="ss-subtitle">Decisions</h3>
      <p className="secondary-text">
        Each is asked of one project and is off unless you tick it. Left off, that project keeps
        what it has there, and the rest of its set-up goes on.
      </p>
      {model.summary?.decisions.map(({ project, decision }) => (
        <div key={`${project}/${decision.id}`} className="ss-decision">
          <Checkbox
            label={`${project}: ${decision.question}`}
            checked={model.accepted.get(project)?.has(decision.id) ?? false}
            onChange={(_e, checked) => actions.accept(project, decision.id, checked)}
          />
          <div className="secondary-text ss-decision-consequence">{decision.consequence}</div>
        </div>
      ))}
    </section>
  );
}
