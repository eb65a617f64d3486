// The process exit codes of stackspot-ado, one meaning each, so that automation can branch on them.

export const ExitCode = {
  /** Every project meets the StackSpot contract (or, for `setup`, now does). */
  Ready: 0,
  /**
   * At least one project failed (an error, or a prerequisite the set-up cannot create); the others
   * still ran.
   */
  Failed: 1,
  /**
   * The command line or its environment is wrong (unknown flag, missing token, no organization
   * URL): nothing ran.
   */
  Usage: 2,
  /**
   * Nothing failed, but some project is not ready: changes pending (status, plan), a decision to
   * take, a pull request to complete.
   */
  NotReady: 3,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
