// The Last run column in words: when, and how it ended.
import type { StackspotRun } from "../setup";

const RESULT: Record<string, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  canceled: "Canceled",
  unknown: "Ended",
};

export function lastRunText(run: StackspotRun | undefined, now = Date.now()): string {
  if (!run) return "—";
  const when = run.finishedAt ?? run.startedAt;
  const outcome =
    run.state === "completed" ? (RESULT[run.result ?? "unknown"] ?? "Ended") : "Running";
  return when ? `${outcome}, ${ago(when, now)}` : outcome;
}

function ago(date: Date, now: number): string {
  const minutes = Math.max(0, Math.round((now - date.getTime()) / 60_000));
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return date.toISOString().slice(0, 10);
}
