// The checks on what the user typed and set that need no request: names that must stay one URL
// segment (names.ts) and a client key the pipeline task would refuse (clientKey.ts). Both run
// before the first request, so a bad value changes nothing in the organization.
import type { StackSpotCredentials } from "../setup";
import type { CommandArgs } from "./args";
import { clientKeyProblem } from "./clientKey";
import { ConfigurationError } from "./errors";
import { checkNames } from "./names";

export function checkCredentialsAndNames(
  args: CommandArgs,
  credentials: StackSpotCredentials | undefined,
): void {
  checkNames(args.projects, args.repository, args.command);
  const problem = credentials && clientKeyProblem(credentials.clientKey);
  if (problem) {
    // Neither the key nor where in it the character is: both would describe the secret.
    throw new ConfigurationError(
      `STK_CLIENT_KEY ${problem}: the pipeline task cannot use it, so it cannot go into a ` +
        "service connection.",
      "Copy the client key again from StackSpot, on one line, without spaces.",
    );
  }
}
