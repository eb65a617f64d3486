// Filters: by state (toggle buttons with counts) and by name (a text field).
import * as React from "react";
import { Button } from "azure-devops-ui/Button";
import { TextField } from "azure-devops-ui/TextField";
import type { ProjectStatus } from "../setup";
import { FILTER_STATES, STATE_LABELS, type RowState } from "./projectRows";

export interface StateFilterProps {
  counts: Record<RowState, number>;
  states: ReadonlySet<ProjectStatus>;
  onToggle(state: ProjectStatus): void;
  text: string;
  onText(text: string): void;
}

export function StateFilter(p: StateFilterProps): JSX.Element {
  return (
    <div className="flex-row flex-wrap flex-center rhythm-horizontal-8 ss-filters">
      <div className="ss-name-filter">
        <TextField
          value={p.text}
          onChange={(_e, value) => p.onText(value)}
          placeholder="Filter by name"
          ariaLabel="Filter projects by name"
        />
      </div>
      <div role="group" aria-label="Filter by state" className="flex-row flex-wrap ss-state-pills">
        {FILTER_STATES.map((s) => (
          <Button
            key={s}
            text={`${STATE_LABELS[s]} (${p.counts[s]})`}
            subtle={!p.states.has(s)}
            primary={p.states.has(s)}
            ariaPressed={p.states.has(s)}
            onClick={() => p.onToggle(s)}
          />
        ))}
      </div>
    </div>
  );
}
