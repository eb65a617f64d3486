// How the organization view tells its user to answer a decision or clear a block: with its own
// controls (the set-up dialog), not the command line's flags.
import type { ReportWording } from "../setup";

export const ORGANIZATION_WORDING: ReportWording = {
  decisionAnswer: (option) =>
    option === "credentials"
      ? "Enter the StackSpot credentials in the set-up dialog."
      : "Accept it for this project in the set-up dialog.",
  blockedRemedy: (key) =>
    key === "agentPool"
      ? "Add the agent pool to the project, or choose another pool in the set-up dialog."
      : key === "credentials"
        ? "Free the service connection's name in the project, then set it up again."
        : "Add what is missing, then set the project up again.",
};
