// Every error a person reads has one shape, whichever layer threw it.
import { AuthenticationError, NotFoundError } from "../../src/ado";
import { ConfigurationError, UsageError } from "../../src/cli/errors";
import { problemOf, UserError } from "../../src/errors/userError";
import { InvalidOptionsError } from "../../src/setup";
import { InvalidOrganizationUrlError } from "../../src/setup/workflowUrl";

const FALLBACK = "Try again.";

test.each([
  ["the access layer", new NotFoundError("the agent queue 'Linux'", {})],
  ["the access layer", new AuthenticationError({})],
  ["the engine", new InvalidOptionsError("The repository name is empty.", "Give a name.")],
  ["the engine", new InvalidOrganizationUrlError("ftp://x")],
  ["the command line", new UsageError("Unknown flag --x.", "See --help.")],
  ["the command line", new ConfigurationError("No token.", "Set AZURE_DEVOPS_EXT_PAT.")],
])("an error of %s is a UserError with its own message and remedy", (_layer, error) => {
  expect(error).toBeInstanceOf(UserError);
  const problem = problemOf(error, FALLBACK);
  expect(problem.message).toBe(error.message);
  expect(problem.message.length).toBeGreaterThan(0);
  expect(problem.remedy).not.toBe(FALLBACK);
  expect(problem.remedy.length).toBeGreaterThan(0);
  expect(error.userMessage).toBe(error.message);
});

test("an error of a class no layer made keeps its text and gets the caller's remedy", () => {
  expect(problemOf(new TypeError("x is undefined"), FALLBACK)).toEqual({
    message: "x is undefined",
    remedy: FALLBACK,
  });
  expect(problemOf("a string was thrown", FALLBACK)).toEqual({
    message: "a string was thrown",
    remedy: FALLBACK,
  });
});

test("an error's name is its class, for the command line's JSON", () => {
  expect(new UsageError("m", "r").name).toBe("UsageError");
  expect(new InvalidOptionsError("m", "r").name).toBe("InvalidOptionsError");
});
