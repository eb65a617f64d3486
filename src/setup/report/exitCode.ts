// A run's verdict as a number, the same in the CLI's exit status and in the organization view's
// JSON export, so that automation reads both alike.
export const RunExitCode = {
  /** Every project meets the StackSpot contract (or, for a set-up, now does). */
  Ready: 0,
  /** At least one project failed or is blocked; the others still ran. */
  Failed: 1,
  /** Nothing failed, but some project is not ready (changes pending, a decision, a PR). */
  NotReady: 3,
} as const;

export type RunExitCode = (typeof RunExitCode)[keyof typeof RunExitCode];
