// Failures the task expects. Each carries what went wrong and what the user can do about it; the
// entry point prints both and fails the task. Anything else is reported as an unexpected error.

export class TaskFailure extends Error {
  constructor(
    message: string,
    readonly remedy: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** The sentence shown in the run's summary: the problem, then the fix. */
  get userMessage(): string {
    return `${this.message} ${this.remedy}`;
  }
}

/** One or more inputs break a rule; found before any network call. */
export class InputError extends TaskFailure {}

/** Several input errors at once, so the user fixes them in one go. */
export class InputErrors extends TaskFailure {
  constructor(readonly errors: InputError[]) {
    super(
      errors.map((e) => e.message).join(" "),
      errors
        .map((e) => e.remedy)
        .filter(unique)
        .join(" "),
    );
  }
}

/** The STK CLI could not be downloaded, installed or verified. */
export class InstallError extends TaskFailure {}

/** An STK CLI command ended badly (non-zero exit, signal, time limit, or it could not start). */
export class CliCommandError extends TaskFailure {
  constructor(
    message: string,
    remedy: string,
    readonly command: string,
    readonly exitCode: number | null,
    /** The last lines of the CLI's log (already redacted), repeated in the run's summary. */
    readonly logExcerpt: string[] = [],
  ) {
    super(message, remedy);
  }

  override get userMessage(): string {
    const excerpt = this.logExcerpt.length ? `\n${this.logExcerpt.join("\n")}` : "";
    return `${this.message} ${this.remedy}${excerpt}`;
  }
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}
