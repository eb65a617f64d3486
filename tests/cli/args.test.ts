// The command line's grammar, in process: defaults, repeated and duplicate projects, help and
// version. (Each usage error's message and exit code is checked through the built CLI in
// usage.test.ts.)
import { DEFAULT_CONCURRENCY, parseCommandLine } from "../../src/cli/args";
import { UsageError } from "../../src/cli/errors";
import { Redactor, tokenForms } from "../../src/cli/redact";

it("fills defaults and keeps repeated projects once each, in order", () => {
  const parsed = parseCommandLine([
    "setup",
    "-p",
    "Alpha",
    "--project",
    "Beta",
    "--project",
    "alpha",
    "--yes",
  ]);
  expect(parsed).toEqual({
    kind: "run",
    args: {
      command: "setup",
      projects: ["Alpha", "Beta"],
      allProjects: false,
      orgUrl: undefined,
      repository: undefined,
      pool: undefined,
      serviceConnection: undefined,
      yes: true,
      accepted: ["replace-file", "take-over"],
      json: false,
      verbose: false,
      allowInsecureHttp: false,
      concurrency: DEFAULT_CONCURRENCY,
    },
  });
});

it("reads every flag", () => {
  const parsed = parseCommandLine([
    "plan",
    "--all-projects",
    "--org-url",
    "https://dev.azure.com/acme",
    "--repository",
    "r",
    "--pool",
    "linux",
    "--service-connection",
    "stk",
    "--json",
    "-v",
    "--concurrency",
    "3",
  ]);
  expect(parsed.kind === "run" && parsed.args).toMatchObject({
    command: "plan",
    projects: [],
    allProjects: true,
    orgUrl: "https://dev.azure.com/acme",
    repository: "r",
    pool: "linux",
    serviceConnection: "stk",
    json: true,
    verbose: true,
    concurrency: 3,
    yes: false,
    accepted: [],
  });
});

it("help and version", () => {
  expect(parseCommandLine([])).toEqual({ kind: "help", missingCommand: true });
  expect(parseCommandLine(["--help"])).toEqual({ kind: "help" });
  expect(parseCommandLine(["help", "plan"])).toEqual({ kind: "help", command: "plan" });
  expect(parseCommandLine(["status", "--bogus", "-h"])).toEqual({
    kind: "help",
    command: "status",
  });
  expect(parseCommandLine(["--version"])).toEqual({ kind: "version" });
});

it("usage errors are typed, with exit code 2 and a remedy", () => {
  try {
    parseCommandLine(["setup", "--project", "A", "--concurency", "2"]);
    throw new Error("no error");
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).exitCode).toBe(2);
    expect((e as UsageError).userMessage).toBe(
      'Unknown option --concurency for "setup". Did you mean --concurrency?',
    );
    expect((e as UsageError).remedy).toBe('Run "stackspot-ado setup --help" for usage.');
  }
});

it("the redactor masks a token in every form it travels in, longest first", () => {
  const r = new Redactor();
  for (const f of tokenForms("abcd1234token")) r.add(f);
  r.add("abc"); // too short to search for: it would blank out ordinary words
  const basic = Buffer.from(":abcd1234token").toString("base64");
  expect(r.redact(`token abcd1234token, header Basic ${basic}, word abc`)).toBe(
    "token ***, header Basic ***, word abc",
  );
});

it("--yes=KIND,… names the decisions it accepts; an unknown kind is a usage error", () => {
  const accepted = (argv: string[]) => {
    const parsed = parseCommandLine(argv);
    return parsed.kind === "run" ? [parsed.args.yes, parsed.args.accepted] : undefined;
  };
  expect(accepted(["setup", "-p", "A", "--yes=take-over"])).toEqual([true, ["take-over"]]);
  expect(accepted(["plan", "-p", "A", "--yes=take-over,replace-file"])).toEqual([
    true,
    ["replace-file", "take-over"],
  ]);
  expect(accepted(["setup", "-p", "A", "-y"])).toEqual([true, ["replace-file", "take-over"]]);
  expect(accepted(["setup", "-p", "A"])).toEqual([false, []]);
  expect(() => parseCommandLine(["setup", "-p", "A", "--yes=everything"])).toThrow(
    /--yes does not know the decision "everything"/,
  );
  expect(() => parseCommandLine(["status", "-p", "A", "--yes=take-over"])).toThrow(/--yes/);
});
