// Parses the command line with node:util parseArgs in strict mode: an unknown flag, a missing value
// or a stray argument is a UsageError (exit 2) with a hint. Secrets are never flags (they would end
// up in shell history): the token and the StackSpot credentials come from the environment only.
import { parseArgs } from "node:util";
import { UsageError } from "./errors";

export const COMMANDS = ["status", "plan", "setup"] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Projects run at once by default; see DEFAULT_CONCURRENCY_REASON in help.ts. */
export const DEFAULT_CONCURRENCY = 8;
export const MAX_CONCURRENCY = 64;

export interface CommandArgs {
  command: CommandName;
  /** Project names as given (deduplicated, ignoring case); empty with --all-projects. */
  projects: string[];
  allProjects: boolean;
  orgUrl?: string;
  repository?: string;
  pool?: string;
  serviceConnection?: string;
  /** --yes given: some decisions are accepted (which ones: `accepted`). */
  yes: boolean;
  /** The kinds of decision --yes accepts: all of them for a bare --yes. */
  accepted: YesKind[];
  json: boolean;
  verbose: boolean;
  /** Send the token over http: to a host that is not this machine (warned about on stderr). */
  allowInsecureHttp: boolean;
  concurrency: number;
}

/** The decisions --yes=KIND,… can name (a bare --yes accepts them all). */
export const YES_KINDS = ["replace-file", "take-over"] as const;
export type YesKind = (typeof YES_KINDS)[number];

export type ParsedCommandLine =
  | { kind: "run"; args: CommandArgs }
  /** `missingCommand`: nothing was given at all (help, then exit 2). */
  | { kind: "help"; command?: CommandName; missingCommand?: true }
  | { kind: "version" };

const COMMON = {
  project: { type: "string", multiple: true, short: "p" },
  "all-projects": { type: "boolean" },
  "org-url": { type: "string" },
  repository: { type: "string" },
  pool: { type: "string" },
  "service-connection": { type: "string" },
  json: { type: "boolean" },
  verbose: { type: "boolean", short: "v" },
  "allow-insecure-http": { type: "boolean" },
  concurrency: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;
const WITH_YES = { ...COMMON, yes: { type: "boolean", short: "y" } } as const;

/** The flags each command accepts (status only reads, so it has no decisions to accept). */
export const COMMAND_OPTIONS = { status: COMMON, plan: WITH_YES, setup: WITH_YES } as const;

const SECRET_FLAG = /token|pat|key|secret|password|passwd|client|realm|credential/i;

export function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

export function parseCommandLine(argv: string[]): ParsedCommandLine {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: "help", missingCommand: true };
  if (first === "--help" || first === "-h") return { kind: "help" };
  if (first === "--version" || first === "-V") return { kind: "version" };
  if (first === "help") {
    if (rest.length === 0) return { kind: "help" };
    if (rest.length === 1 && isCommand(rest[0])) return { kind: "help", command: rest[0] };
    throw new UsageError(
      `There is no command "${rest.join(" ")}" to show help for.`,
      `Commands: ${COMMANDS.join(", ")}.`,
    );
  }
  if (first.startsWith("-")) {
    throw new UsageError(
      `The command must come first, before "${flagName(first)}".`,
      `For example: stackspot-ado setup --project NAME. Commands: ${COMMANDS.join(", ")}.`,
    );
  }
  if (!isCommand(first)) {
    const guess = closest(first, COMMANDS);
    throw new UsageError(
      `Unknown command "${first}".${guess ? ` Did you mean "${guess}"?` : ""}`,
      `Commands: ${COMMANDS.join(", ")}. Run "stackspot-ado --help" for usage.`,
    );
  }
  return parseCommand(first, rest);
}

function parseCommand(command: CommandName, argv: string[]): ParsedCommandLine {
  const options = COMMAND_OPTIONS[command];
  // Help wins over everything else on the line, even a mistyped flag.
  const beforeTerminator = argv.includes("--") ? argv.slice(0, argv.indexOf("--")) : argv;
  if (beforeTerminator.includes("--help") || beforeTerminator.includes("-h"))
    return { kind: "help", command };
  const named = command === "status" ? undefined : namedYes(argv, command);
  let values: FlagValues;
  try {
    values = parseArgs({
      args: named?.rest ?? argv,
      options,
      strict: true,
      allowPositionals: false,
    }).values as FlagValues;
  } catch (e) {
    throw toUsageError(command, e);
  }
  if (values.help) return { kind: "help", command };
  const { projects, allProjects } = projectsOf(values, command);
  requireValues(values, command);
  return {
    kind: "run",
    args: {
      command,
      projects,
      allProjects,
      orgUrl: values["org-url"] as string | undefined,
      repository: values.repository as string | undefined,
      pool: values.pool as string | undefined,
      serviceConnection: values["service-connection"] as string | undefined,
      yes: values.yes === true || named?.kinds !== undefined,
      accepted: named?.kinds ?? (values.yes === true ? [...YES_KINDS] : []),
      json: values.json === true,
      verbose: values.verbose === true,
      allowInsecureHttp: values["allow-insecure-http"] === true,
      concurrency: parseConcurrency(values.concurrency as string | undefined, command),
    },
  };
}

type FlagValues = Record<string, string | boolean | string[] | undefined>;

/**
 * `--yes=replace-file,take-over` (parseArgs has no flag with an optional value): the kinds named,
 * and the arguments without those flags. Undefined when no --yes names any.
 */
function namedYes(
  argv: string[],
  command: CommandName,
): { kinds: YesKind[]; rest: string[] } | undefined {
  const end = argv.includes("--") ? argv.indexOf("--") : argv.length;
  const kinds = new Set<YesKind>();
  const rest: string[] = [];
  argv.forEach((arg, i) => {
    const m = i < end ? /^(?:--yes|-y)=(.*)$/s.exec(arg) : null;
    if (!m) return void rest.push(arg);
    for (const name of m[1].split(",").map((n) => n.trim())) {
      if (!(YES_KINDS as readonly string[]).includes(name))
        throw new UsageError(
          `--yes does not know the decision "${name.slice(0, 40)}".`,
          `Name one or more of ${YES_KINDS.join(", ")} (--yes=replace-file,take-over), ` +
            "or give --yes alone to accept every decision.",
          command,
        );
      kinds.add(name as YesKind);
    }
  });
  return kinds.size ? { kinds: YES_KINDS.filter((k) => kinds.has(k)), rest } : undefined;
}

/** The projects to work on: --project (repeatable) or --all-projects, one of the two. */
function projectsOf(
  values: FlagValues,
  command: CommandName,
): { projects: string[]; allProjects: boolean } {
  const projects = dedupe((values.project as string[] | undefined) ?? []);
  const allProjects = values["all-projects"] === true;
  if (allProjects && projects.length) {
    throw new UsageError(
      "Give either --project or --all-projects, not both.",
      `Run "stackspot-ado ${command} --help" for usage.`,
      command,
    );
  }
  if (!allProjects && !projects.length) {
    throw new UsageError(
      "No project given.",
      "Add --project NAME (repeat it for several projects) or --all-projects. " +
        `Run "stackspot-ado ${command} --help" for examples.`,
      command,
    );
  }
  for (const p of projects)
    if (!p.trim())
      throw new UsageError(
        "A --project name is empty.",
        "Give the project's name after --project.",
        command,
      );
  return { projects, allProjects };
}

/** A flag given with an empty value is a mistake, not a request for the default. */
function requireValues(values: FlagValues, command: CommandName): void {
  for (const name of ["org-url", "repository", "pool", "service-connection"] as const) {
    const v = values[name];
    if (typeof v === "string" && !v.trim())
      throw new UsageError(
        `--${name} is empty.`,
        `Give a value after --${name}, or leave the flag out for the default.`,
        command,
      );
  }
}

function parseConcurrency(text: string | undefined, command: CommandName): number {
  if (text === undefined) return DEFAULT_CONCURRENCY;
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) {
    throw new UsageError(
      `--concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${text}".`,
      `Leave it out for the default (${DEFAULT_CONCURRENCY}), or give e.g. --concurrency 4.`,
      command,
    );
  }
  return n;
}

/**
 * Maps parseArgs' errors to ours. Only the flag's name is echoed, never a value (it may be a
 * secret).
 */
function toUsageError(command: CommandName, e: unknown): UsageError {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const help = `Run "stackspot-ado ${command} --help" for usage.`;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = flagName(quoted);
    if (SECRET_FLAG.test(flag)) {
      return new UsageError(
        `Unknown option ${flag}: ` +
          "secrets are never given as flags (they would end up in shell history).",
        "Set the token in AZURE_DEVOPS_EXT_PAT (or SYSTEM_ACCESSTOKEN in a pipeline) " +
          "and the StackSpot credentials in STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM.",
        command,
      );
    }
    const known = Object.keys(COMMAND_OPTIONS[command]).map((o) => `--${o}`);
    const guess = closest(flag, known);
    const owners = COMMANDS.filter(
      (c) => c !== command && Object.keys(COMMAND_OPTIONS[c]).some((o) => `--${o}` === flag),
    );
    const hint = guess
      ? ` Did you mean ${guess}?`
      : owners.length
        ? ` It is an option of ${owners.map((c) => `"${c}"`).join(" and ")}.`
        : "";
    return new UsageError(`Unknown option ${flag} for "${command}".${hint}`, help, command);
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
    const flag = /--[\w-]+/.exec(quoted)?.[0] ?? flagName(quoted.split(" ")[0]);
    return /argument missing/.test(message)
      ? new UsageError(`${flag} needs a value.`, help, command)
      : new UsageError(`${flag} does not take a value.`, help, command);
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    return new UsageError(
      `Unexpected argument "${quoted}".`,
      `Flags take their values as --flag VALUE; project names go after --project. ${help}`,
      command,
    );
  }
  return new UsageError(`The command line could not be read: ${message}`, help, command);
}

/** The flag without an inline value ("--pat=abc" → "--pat"). */
function flagName(arg: string): string {
  return arg.split("=")[0];
}

function dedupe(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The candidate within edit distance 2 of `word`, if any (for "did you mean"). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { c: string; d: number } | undefined;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { c, d };
  }
  return best?.c;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}
