// Errors of the command line itself (not of a project): each has a message for the user, a remedy,
// and the exit code it ends the process with.
import { UserError } from "../errors/userError";
import { ExitCode } from "./exitCodes";

export class CliError extends UserError {
  readonly exitCode: ExitCode;
  constructor(userMessage: string, remedy: string, exitCode: ExitCode) {
    super(userMessage, remedy);
    this.exitCode = exitCode;
  }
}

/** The command line is wrong: an unknown flag or command, a missing or bad value. Exit 2. */
export class UsageError extends CliError {
  /** The command whose help the remedy points to, when known. */
  readonly command?: string;
  constructor(userMessage: string, remedy: string, command?: string) {
    super(userMessage, remedy, ExitCode.Usage);
    this.command = command;
  }
}

/**
 * The environment lacks what the run needs (a token, an organization URL, complete credentials).
 * Exit 2.
 */
export class ConfigurationError extends CliError {
  constructor(userMessage: string, remedy: string) {
    super(userMessage, remedy, ExitCode.Usage);
  }
}

/**
 * The organization could not be used at all (unreachable, refused the token, does not exist). Exit
 * 1.
 */
export class OrganizationError extends CliError {
  constructor(userMessage: string, remedy: string) {
    super(userMessage, remedy, ExitCode.Failed);
  }
}
