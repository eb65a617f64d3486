// The Options form's model: what the user picked, its validation, and the engine options it
// becomes. Pure functions, so the rules are unit-tested in Node.
import type {
  CredentialsOption,
  PoolOption,
  SetupOptions,
  PipelineFileSettings,
  ProjectState,
} from "../setup";
import { contract, currentChoices } from "../setup";

export type RepositoryChoice = { mode: "existing"; name: string } | { mode: "new"; name: string };

export type CredentialsChoice =
  | { mode: "existing"; name: string }
  | { mode: "create"; name: string; clientId: string; clientKey: string; realm: string }
  | { mode: "variables"; clientId: string; clientKey: string; realm: string };

export interface HubOptions {
  repository: RepositoryChoice;
  pool: PoolOption;
  credentials: CredentialsChoice;
}

/** What the project offers to choose from. */
export interface Choices {
  repositories: string[];
  /** Self-hosted queues of the project (the hosted one is always offered). */
  selfHostedQueues: string[];
  /** Service connections of the StackSpot type. */
  connections: string[];
}

/**
 * Checks a new repository name as Azure Repos would, so the user learns before applying.
 * Returns the problem in the user's words, or undefined when the name is fine.
 */
export function repositoryNameProblem(name: string, existing: string[]): string | undefined {
  const trimmed = name.trim();
  if (!trimmed) return "Give the repository a name.";
  if (trimmed !== name) return "The name cannot start or end with a space.";
  if (name.length > 64) return "The name can have at most 64 characters.";
  if (/[\u0000-\u001f\u007f]/.test(name)) return "The name cannot contain control characters.";
  const bad = name.match(/[\\/:*?"<>|;#$*{},+=[\]@%&^~`]/);
  if (bad) return `The name cannot contain "${bad[0]}".`;
  if (name.startsWith("_") || name.startsWith(".")) return 'The name cannot start with "_" or ".".';
  if (name.endsWith(".")) return 'The name cannot end with ".".';
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(name)) return `"${name}" is a name Windows reserves.`;
  if (existing.some((r) => r.toLowerCase() === name.toLowerCase())) {
    return `A repository named "${name}" exists: choose it from the list instead.`;
  }
  return undefined;
}

/** Problems that stop a set-up from starting, by field. Empty when the options can be applied. */
export function optionProblems(
  options: HubOptions,
  choices: Choices,
): Partial<
  Record<
    "repository" | "pool" | "credentials" | "clientId" | "clientKey" | "realm" | "connectionName",
    string
  >
> {
  const problems: ReturnType<typeof optionProblems> = {};
  if (options.repository.mode === "new") {
    const p = repositoryNameProblem(options.repository.name, choices.repositories);
    if (p) problems.repository = p;
  } else if (!options.repository.name) problems.repository = "Choose a repository.";
  if (options.pool.kind === "self-hosted" && !options.pool.queue)
    problems.pool = "Choose an agent pool.";
  const c = options.credentials;
  if (c.mode === "existing" && !c.name) problems.credentials = "Choose a service connection.";
  if (c.mode === "create") {
    if (!c.name.trim()) problems.connectionName = "Give the service connection a name.";
    else if (choices.connections.some((n) => n.toLowerCase() === c.name.trim().toLowerCase())) {
      problems.connectionName =
        `A service connection named "${c.name.trim()}" exists: ` +
        'choose "Use an existing service connection".';
    }
    if (!c.clientId.trim()) problems.clientId = "Enter the client ID.";
    if (!c.clientKey) problems.clientKey = "Enter the client key.";
    if (!c.realm.trim()) problems.realm = "Enter the realm.";
  }
  return problems;
}

/**
 * The first problem of a field the project is read for (the repository, the pool, the service
 * connection's name): while there is one, the checklist and the plan describe other options than
 * the form's, so they wait for valid ones. A missing client id or key is not one: it changes
 * nothing the read finds.
 */
export function invalidOption(problems: ReturnType<typeof optionProblems>): string | undefined {
  return problems.repository ?? problems.pool ?? problems.credentials ?? problems.connectionName;
}

function credentialsOption(c: CredentialsChoice): CredentialsOption {
  switch (c.mode) {
    case "existing":
      return { kind: "service-connection", name: c.name };
    case "create":
      return {
        kind: "service-connection",
        name: c.name.trim(),
        create: { clientId: c.clientId.trim(), clientKey: c.clientKey, realm: c.realm.trim() },
      };
    case "variables": {
      // Values are optional: the variables are created empty and filled later in the pipeline's
      // settings.
      const given = c.clientId.trim() || c.clientKey || c.realm.trim();
      return given
        ? {
            kind: "variables",
            values: { clientId: c.clientId.trim(), clientKey: c.clientKey, realm: c.realm.trim() },
          }
        : { kind: "variables" };
    }
  }
}

/**
 * The engine options for these choices; decisions (replace, take over) come from the dialog. Given
 * the project's id (the hub has it from the host), the engine checks permissions in its first round
 * trip.
 */
export function toSetupOptions(
  project: string | { id: string; name: string },
  options: HubOptions,
  decisions: { replaceEditedFile?: boolean; takeOverPipeline?: boolean } = {},
): SetupOptions {
  return {
    ...(typeof project === "string"
      ? { project }
      : { project: project.name, projectId: project.id }),
    repository: options.repository.name.trim() || contract.DEFAULT_REPOSITORY_NAME,
    pool: options.pool,
    credentials: credentialsOption(options.credentials),
    replaceEditedFile: decisions.replaceEditedFile ?? false,
    takeOverPipeline: decisions.takeOverPipeline ?? false,
  };
}

/** The same options with the secrets left out: what re-planning while the user types needs. */
export function withoutSecrets(options: SetupOptions): SetupOptions {
  const c = options.credentials;
  if (c?.kind === "service-connection" && c.create)
    return {
      ...options,
      credentials: {
        kind: "service-connection",
        name: c.name,
        create: { ...c.create, clientKey: "" },
      },
    };
  if (c?.kind === "variables" && c.values)
    return {
      ...options,
      credentials: { kind: "variables", values: { ...c.values, clientKey: "" } },
    };
  return options;
}

/**
 * The options a project suggests: what it has already chosen (the engine's currentChoices, the rule
 * the command line follows too: the repository its stackspot pipeline runs, the pool and the
 * credentials its pipeline file names), and otherwise the manual's defaults.
 */
export function suggestOptions(
  state: ProjectState | undefined,
  choices: Choices,
  settings: PipelineFileSettings | undefined,
): HubOptions {
  const current = currentChoices(state, settings);
  const repoName =
    current.repository ?? state?.repository?.name ?? contract.DEFAULT_REPOSITORY_NAME;
  const repoExists = choices.repositories.some((r) => r.toLowerCase() === repoName.toLowerCase());
  const pool: PoolOption = current.pool ?? { kind: "hosted" };
  let credentials: CredentialsChoice;
  if (current.credentials?.kind === "variables")
    credentials = { mode: "variables", clientId: "", clientKey: "", realm: "" };
  else {
    const named = current.credentials?.name ?? contract.DEFAULT_SERVICE_CONNECTION_NAME;
    const existing =
      choices.connections.find((n) => n.toLowerCase() === named.toLowerCase()) ??
      choices.connections[0];
    credentials = existing
      ? { mode: "existing", name: existing }
      : { mode: "create", name: named, clientId: "", clientKey: "", realm: "" };
  }
  return {
    repository: repoExists ? { mode: "existing", name: repoName } : { mode: "new", name: repoName },
    pool,
    credentials,
  };
}

/**
 * The options once a set-up has run: a repository or a service connection it created is now one to
 * choose from the list (and the client key is not kept once a connection holds it).
 */
export function settleOptions(options: HubOptions, choices: Choices): HubOptions {
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  let { repository, credentials } = options;
  const repo =
    repository.mode === "new"
      ? choices.repositories.find((r) => same(r, repository.name))
      : undefined;
  if (repo) repository = { mode: "existing", name: repo };
  const creating = credentials.mode === "create" ? credentials : undefined;
  const created = creating && choices.connections.find((c) => same(c, creating.name));
  if (created) credentials = { mode: "existing", name: created };
  return repository === options.repository && credentials === options.credentials
    ? options
    : { ...options, repository, credentials };
}
