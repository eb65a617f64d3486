// Organization settings → StackSpot: every project's connection to StackSpot, read as the page
// opens, and the set-up of a selection of them with the signed-in user's own identity.
import * as React from "react";
import { Header, TitleSize } from "azure-devops-ui/Header";
import type { IHeaderCommandBarItem } from "azure-devops-ui/HeaderCommandBar";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Page } from "azure-devops-ui/Page";
import type { ProjectStatus } from "../setup";
import { BatchPanel } from "./BatchPanel";
import { ProjectsTable } from "./ProjectsTable";
import { ReadProgress } from "./ReadProgress";
import { StateFilter } from "./StateFilter";
import { countByState, filterRows, type ProjectRow } from "./projectRows";
import { useBatchSetup } from "./useBatchSetup";
import { useOrganization } from "./useOrganization";
import { useProjectStates } from "./useProjectStates";

export function OrganizationPage(): JSX.Element {
  const { context, error } = useOrganization();
  const states = useProjectStates(context);
  const [batch, batchActions] = useBatchSetup(context, states);
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());
  const [filter, setFilter] = React.useState<ReadonlySet<ProjectStatus>>(new Set());
  const [text, setText] = React.useState("");
  const shown = React.useMemo(
    () => filterRows(states.rows, filter, text),
    [states.rows, filter, text],
  );
  const loadError = error ?? states.loadError;
  const busy = states.read < states.rows.length || batch.phase === "running";
  // "All not ready" among the rows the filters show.
  const notReady = shown.filter((r) => r.state !== "ready" && r.state !== "reading");
  const chosen = states.rows.filter((r) => selected.has(r.name));
  return (
    <Page className="ss-page flex-grow">
      <Header
        title="StackSpot"
        titleSize={TitleSize.Large}
        description="Every project's connection to StackSpot EDP. Select projects to set them up."
        commandBarItems={headerCommands(chosen, notReady, batch.phase !== "closed", {
          setUp: () => batchActions.open(chosen),
          selectNotReady: () => setSelected(new Set(notReady.map((r) => r.name))),
        })}
      />
      <div className="page-content page-content-top ss-content" data-busy={busy}>
        {loadError ? (
          <MessageCard severity={MessageCardSeverity.Error} className="ss-message" role="alert">
            {loadError.message} {loadError.remedy}
          </MessageCard>
        ) : (
          <div className="flex-column rhythm-vertical-16">
            <ReadProgress read={states.read} total={states.rows.length} listed={!!context} />
            <StateFilter
              counts={countByState(states.rows)}
              states={filter}
              onToggle={(s) => setFilter(toggle(filter, s))}
              text={text}
              onText={setText}
            />
            <ProjectsTable
              rows={shown}
              selected={selected}
              onSelect={(name, yes) => setSelected(toggleTo(selected, name, yes))}
              projectHubUrl={(p) => context?.projectHubUrl(p) ?? "#"}
              onOpenProject={(url) => context?.navigate(url)}
            />
          </div>
        )}
      </div>
      <BatchPanel model={batch} actions={batchActions} rows={states.rows} />
    </Page>
  );
}

/** The page's actions, in the header's command bar as Azure DevOps pages have them. */
function headerCommands(
  chosen: ProjectRow[],
  notReady: ProjectRow[],
  batchOpen: boolean,
  on: { setUp(): void; selectNotReady(): void },
): IHeaderCommandBarItem[] {
  return [
    {
      id: "setup-selected",
      text: `Set up selected (${chosen.length})`,
      important: true,
      isPrimary: true,
      disabled: chosen.length === 0 || batchOpen,
      onActivate: on.setUp,
    },
    {
      id: "select-not-ready",
      text: `Select all not ready (${notReady.length})`,
      tooltipProps: { text: "Selects the projects shown that are not ready." },
      important: true,
      disabled: notReady.length === 0,
      onActivate: on.selectNotReady,
    },
  ];
}

function toggle<T>(set: ReadonlySet<T>, value: T): ReadonlySet<T> {
  return toggleTo(set, value, !set.has(value));
}

function toggleTo<T>(set: ReadonlySet<T>, value: T, yes: boolean): ReadonlySet<T> {
  const next = new Set(set);
  if (yes) next.add(value);
  else next.delete(value);
  return next;
}
