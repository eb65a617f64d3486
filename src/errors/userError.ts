// The one shape of an error a person reads, in the hub or the command line: what went wrong, in
// their words, and what to do about it. Every layer's typed errors extend UserError, so a caller
// renders any of them without knowing where it came from. Nothing here imports another part of
// src/, so every part may import it (docs/ARCHITECTURE.md).

/** A failure as a person reads it. */
export interface Problem {
  /** What went wrong, in the user's words. */
  message: string;
  /** What to do about it. */
  remedy: string;
}

/** Base class of every error whose message a person reads. */
export class UserError extends Error implements Problem {
  readonly remedy: string;
  constructor(message: string, remedy: string) {
    super(message);
    this.name = new.target.name;
    this.remedy = remedy;
  }
  /** The message, under the name callers used before there was one base class. */
  get userMessage(): string {
    return this.message;
  }
}

/**
 * Any thrown value as a Problem. A UserError speaks for itself; anything else (a bug, a library's
 * error) keeps its text and gets the caller's generic remedy.
 */
export function problemOf(e: unknown, fallbackRemedy: string): Problem {
  if (e instanceof UserError) return { message: e.message, remedy: e.remedy };
  return { message: e instanceof Error ? e.message : String(e), remedy: fallbackRemedy };
}
