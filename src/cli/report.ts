// The CLI's reports are the engine's (src/setup/report): the same document the organization view
// exports. What is the CLI's own is how it tells a user to answer: by flags and environment.
import { EXTENSION_MARKETPLACE_URL, type ReportWording } from "../setup";

export {
  PROJECT_STATUSES,
  countStatuses,
  exitCodeFor,
  reportProblem,
  type DecisionReport,
  type Problem,
  type ProjectReport,
  type ProjectStatus,
  type RunReport,
  type StepReport,
} from "../setup";

export const CLI_WORDING: ReportWording = {
  decisionAnswer: (option) =>
    option === "credentials"
      ? "Set STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM " +
        "(or --service-connection NAME for an existing one)."
      : "Run setup again with --yes to accept.",
  blockedRemedy: (key) =>
    key === "extension"
      ? `Install the StackSpot extension in the organization from ${EXTENSION_MARKETPLACE_URL} ` +
        "(an organization administrator can), then run the command again."
      : key === "agentPool"
        ? "Add the agent pool to the project, or name another one with --pool " +
          "(leave it out for Microsoft-hosted agents); then run the command again."
        : key === "credentials"
          ? "Name a StackSpot service connection with --service-connection, or free the name; " +
            "then run the command again."
          : "Add what is missing, then run the command again.",
};
