// Any failure, as the hub shows it: what went wrong and what to do.
import { problemOf, type Problem } from "../errors/userError";

export type { Problem };

export function describeError(e: unknown): Problem {
  return problemOf(
    e,
    "Reload the page and try again. If it keeps failing, check your network connection.",
  );
}
