// A set-up cancelled by its caller (the organization view's Cancel). The step in flight finishes;
// no new one starts. What ran is reported as done, the rest as not done, and a new set-up reads
// the project and finishes the job.
import { UserError } from "../../errors/userError";

export class SetupCancelledError extends UserError {
  constructor() {
    super(
      "The set-up was cancelled before this step started.",
      "Run the set-up again: it reads the project and finishes what is left.",
    );
  }
}
