// The table of projects: virtualized (azure-devops-ui's Table renders only the rows in view), one
// row per project, a checkbox to select it for a set-up.
import * as React from "react";
import { Checkbox } from "azure-devops-ui/Checkbox";
import { ClipboardButton } from "azure-devops-ui/Clipboard";
import { Link } from "azure-devops-ui/Link";
import { SimpleTableCell, Table, type ITableColumn } from "azure-devops-ui/Table";
import { ArrayItemProvider } from "azure-devops-ui/Utilities/Provider";
import { STATE_LABELS, type ProjectRow } from "./projectRows";
import { lastRunText } from "./lastRun";

export interface ProjectsTableProps {
  rows: ProjectRow[];
  selected: ReadonlySet<string>;
  onSelect(project: string, yes: boolean): void;
  projectHubUrl(project: string): string;
  onOpenProject(url: string): void;
}

/** A row as the table holds it: its selection is part of it, so a change re-renders the row. */
type Item = ProjectRow & { selected: boolean };
type Cell = (row: Item, props: ProjectsTableProps) => React.ReactNode;

const CELLS: { id: string; name: string; width: number; cell: Cell }[] = [
  { id: "select", name: "", width: 48, cell: selectCell },
  { id: "project", name: "Project", width: -18, cell: projectCell },
  { id: "state", name: "State", width: -30, cell: stateCell },
  { id: "repository", name: "Repository", width: -17, cell: (r) => r.repository ?? "—" },
  { id: "workflowUrl", name: "Workflow URL", width: -20, cell: workflowCell },
  { id: "lastRun", name: "Last run", width: -15, cell: (r) => lastRunText(r.lastRun) },
];

export function ProjectsTable(props: ProjectsTableProps): JSX.Element {
  const { rows, selected } = props;
  const items = React.useMemo(
    () => new ArrayItemProvider(rows.map((r) => ({ ...r, selected: selected.has(r.name) }))),
    [rows, selected],
  );
  // Cells read the latest props through this ref, so the columns are made once.
  const latest = React.useRef(props);
  latest.current = props;
  const columns = React.useMemo<ITableColumn<Item>[]>(
    () =>
      CELLS.map((c) => ({
        id: c.id,
        name: c.name,
        width: c.width,
        renderCell: (_row, columnIndex, column, item) => (
          <SimpleTableCell key={c.id} columnIndex={columnIndex} tableColumn={column}>
            <div className={`ss-cell ss-cell-${c.id}`}>{c.cell(item, latest.current)}</div>
          </SimpleTableCell>
        ),
      })),
    [],
  );
  return (
    <Table<Item>
      className="ss-projects"
      ariaLabel="Projects"
      columns={columns}
      itemProvider={items}
      role="grid"
    />
  );
}

function selectCell(row: Item, p: ProjectsTableProps): React.ReactNode {
  return (
    <Checkbox
      ariaLabel={`Select ${row.name}`}
      checked={row.selected}
      onChange={(_e, checked) => p.onSelect(row.name, checked)}
    />
  );
}

function projectCell(row: Item, p: ProjectsTableProps): React.ReactNode {
  const url = p.projectHubUrl(row.name);
  return (
    <Link
      href={url}
      onClick={(e: React.SyntheticEvent) => {
        e.preventDefault();
        p.onOpenProject(url);
      }}
    >
      {row.name}
    </Link>
  );
}

function stateCell(row: Item): React.ReactNode {
  return (
    <div className="flex-column" data-state={row.state}>
      <span className={`ss-state ss-state-${row.state}`}>{STATE_LABELS[row.state]}</span>
      {row.reason && <span className="secondary-text ss-reason">{row.reason}</span>}
      {row.activity && <span className="ss-activity">{row.activity}</span>}
    </div>
  );
}

function workflowCell(row: Item): React.ReactNode {
  if (!row.workflowUrl) return "—";
  const url = row.workflowUrl;
  return (
    <div className="flex-row flex-center rhythm-horizontal-4 ss-url">
      <span className="ss-mono text-ellipsis" title={url}>
        {url}
      </span>
      <ClipboardButton
        ariaLabel={`Copy the Workflow URL of ${row.name}`}
        getContent={() => url}
        showCopiedTooltip="Copied"
      />
    </div>
  );
}
