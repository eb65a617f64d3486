// "Runs": the latest runs of the stackspot pipeline, each with the StackSpot workflow execution id
// it resumed, its state and result, when it started, how long it took (or has been going, for a run
// in progress), and a link to the run.
import * as React from "react";
import { Card } from "azure-devops-ui/Card";
import { Link } from "azure-devops-ui/Link";
import { MessageCard, MessageCardSeverity } from "azure-devops-ui/MessageCard";
import { Status, Statuses, StatusSize, type IStatusProps } from "azure-devops-ui/Status";
import { SimpleTableCell, Table, type ITableColumn } from "azure-devops-ui/Table";
import { ArrayItemProvider } from "azure-devops-ui/Utilities/Provider";
import type { StackspotRun } from "../setup";
import type { Problem } from "./describeError";
import { formatDuration, timeAgo } from "./timeFormat";

const MAX_RUNS = 20;

export interface RunsSectionProps {
  runs?: StackspotRun[];
  error?: Problem;
  onRefresh(): void;
}

function runStatus(run: StackspotRun): { status: IStatusProps; text: string } {
  if (run.state !== "completed") {
    return run.state === "inProgress"
      ? { status: Statuses.Running, text: "Running" }
      : run.state === "canceling"
        ? { status: Statuses.Canceled, text: "Canceling" }
        : { status: Statuses.Queued, text: "Queued" };
  }
  switch (run.result) {
    case "succeeded":
      return { status: Statuses.Success, text: "Succeeded" };
    case "failed":
      return { status: Statuses.Failed, text: "Failed" };
    case "canceled":
      return { status: Statuses.Canceled, text: "Canceled" };
    default:
      return { status: Statuses.Warning, text: "Unknown" };
  }
}

const cell = (
  columnIndex: number,
  column: ITableColumn<StackspotRun>,
  content: React.ReactNode,
) => (
  <SimpleTableCell columnIndex={columnIndex} tableColumn={column} key={column.id}>
    {content}
  </SimpleTableCell>
);

const columns: ITableColumn<StackspotRun>[] = [
  {
    id: "run",
    name: "Run",
    width: 110,
    renderCell: (_r, i, col, run) =>
      cell(
        i,
        col,
        <Link
          href={run.webUrl}
          target="_blank"
          rel="noopener noreferrer"
          ariaLabel={`Open run ${run.id}`}
        >
          #{run.id}
        </Link>,
      ),
  },
  {
    id: "execution",
    name: "Workflow execution id",
    width: -100,
    renderCell: (_r, i, col, run) =>
      cell(i, col, <span className="ss-mono text-ellipsis">{run.workflowExecutionId ?? "—"}</span>),
  },
  {
    id: "state",
    name: "State and result",
    width: 180,
    renderCell: (_r, i, col, run) => {
      const view = runStatus(run);
      return cell(
        i,
        col,
        <span className="flex-row flex-center rhythm-horizontal-8">
          <Status
            {...view.status}
            size={StatusSize.m}
            animated={run.state === "inProgress"}
            ariaLabel={view.text}
          />
          <span>{view.text}</span>
        </span>,
      );
    },
  },
  {
    id: "started",
    name: "Started",
    width: 160,
    renderCell: (_r, i, col, run) =>
      cell(
        i,
        col,
        run.startedAt ? (
          <time dateTime={run.startedAt.toISOString()} title={run.startedAt.toLocaleString()}>
            {timeAgo(run.startedAt)}
          </time>
        ) : (
          "—"
        ),
      ),
  },
  {
    id: "duration",
    name: "Duration",
    width: 120,
    renderCell: (_r, i, col, run) =>
      cell(
        i,
        col,
        run.startedAt && run.state !== "completed" ? (
          <Elapsed since={run.startedAt} />
        ) : (
          ((run.startedAt && formatDuration(run.startedAt, run.finishedAt)) ?? "—")
        ),
      ),
  },
];

/** How long a run in progress has been going, counted on every second. */
function Elapsed({ since }: { since: Date }): JSX.Element {
  const [now, setNow] = React.useState(() => new Date());
  React.useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return (
    <span className="ss-elapsed" title="Running for">
      {formatDuration(since, now > since ? now : since)}
    </span>
  );
}

export function RunsSection({ runs, error, onRefresh }: RunsSectionProps): JSX.Element {
  const latest = React.useMemo(
    () => new ArrayItemProvider((runs ?? []).slice(0, MAX_RUNS)),
    [runs],
  );
  return (
    <Card
      className="ss-section"
      titleProps={{ text: "Runs", ariaLevel: 2 }}
      headerCommandBarItems={[
        {
          id: "refresh-runs",
          text: "Refresh",
          iconProps: { iconName: "Refresh" },
          onActivate: onRefresh,
          important: true,
        },
      ]}
      contentProps={{ contentPadding: false }}
    >
      <div className="ss-fill ss-runs">
        {error && (
          <MessageCard severity={MessageCardSeverity.Error} className="ss-message">
            {error.message} {error.remedy}
          </MessageCard>
        )}
        {!runs && !error && <span className="ss-skeleton ss-skeleton-block" aria-hidden="true" />}
        {runs && runs.length === 0 && (
          <p className="ss-empty secondary-text">
            No runs yet. When StackSpot runs a workflow in this project (create an application or
            infrastructure, apply a plugin, run an action or a workflow), it queues the stackspot
            pipeline, and each run shows here with its workflow execution id, state and result.
          </p>
        )}
        {runs && runs.length > 0 && (
          <Table<StackspotRun>
            ariaLabel="Runs of the stackspot pipeline"
            columns={columns}
            itemProvider={latest}
            role="table"
          />
        )}
      </div>
    </Card>
  );
}
