// The rule a StackSpot client key must follow for the pipeline task to accept it
// (tasks/StackSpotResume/src/validation.ts, checkCredential): printable ASCII without the space, at
// most 1,024 characters. The task cannot import src/ nor src/ the task, so the rule is written
// twice; tests/cli/clientKey.test.ts keeps the two in agreement. Refusing it here, before the
// service connection is created, saves a connection every pipeline run would then fail on.

const MAX_LENGTH = 1024;
const ALLOWED = /^[\x21-\x7e]*$/;

/** Why the task would refuse `key` (never naming the character or its position), or undefined. */
export function clientKeyProblem(key: string): string | undefined {
  if (Array.from(key).length > MAX_LENGTH) return `is longer than ${MAX_LENGTH} characters`;
  if (!ALLOWED.test(key))
    return (
      "has a character that cannot be in a client key " +
      "(a space, a line break, a control or non-ASCII character)"
    );
  return undefined;
}
