// What the user asks of the set-up. Defaults follow the StackSpot manual.
import { UserError } from "../errors/userError";
import {
  DEFAULT_REPOSITORY_NAME,
  DEFAULT_SERVICE_CONNECTION_NAME,
  HOSTED_QUEUE_NAME,
} from "./contract";

/** StackSpot credentials: client id, client key, realm. The key is a secret: never log it. */
export interface StackSpotCredentials {
  clientId: string;
  clientKey: string;
  realm: string;
}

/** Where the pipeline runs. */
export type PoolOption =
  /** Microsoft-hosted ubuntu-latest (queue "Azure Pipelines"). */
  | { kind: "hosted" }
  /** A self-hosted agent pool, by the name of its queue in the project. */
  | { kind: "self-hosted"; queue: string };

/** Where the task finds the StackSpot credentials. */
export type CredentialsOption =
  /**
   * A service connection of type "stackspot", by name. When it does not exist and `create` is
   * given, the set-up creates it; without `create` a missing connection is a decision for the
   * user.
   */
  | { kind: "service-connection"; name: string; create?: StackSpotCredentials }
  /**
   * Secret pipeline variables STK_CLIENT_ID / STK_CLIENT_KEY / STK_REALM on the pipeline. `values`
   * are written only where a variable is missing: an existing value is never overwritten.
   */
  | { kind: "variables"; values?: StackSpotCredentials };

export interface SetupOptions {
  /** Project name (or id). */
  project: string;
  /**
   * The project's id (a GUID), when the caller knows it already (the hub from its page context, the
   * CLI from the projects listing). It lets the set-up check permissions in the same round trip as
   * its first reads; without it the checks take one more round trip before the first write.
   */
  projectId?: string;
  /**
   * Repository holding /stackspot.yml. Unset: the one the project's stackspot pipeline runs, else
   * "repo-runner-actions".
   */
  repository?: string;
  /** Unset: the pool the project's managed /stackspot.yml names, else hosted ubuntu-latest. */
  pool?: PoolOption;
  /**
   * Unset: the credentials the project's managed /stackspot.yml names (its service connection, or
   * the secret variables), else the service connection named "stackspot" (existing).
   */
  credentials?: CredentialsOption;
  /**
   * StackSpot credentials for wherever `credentials` resolves to when it is left unset: they create
   * the service connection when it does not exist, or fill the secret variables that are missing.
   * Ignored when `credentials` is given (give them in it then).
   */
  stackSpotCredentials?: StackSpotCredentials;
  /**
   * Replace a /stackspot.yml that someone edited (or that this product did not write). Default
   * false.
   */
  replaceEditedFile?: boolean;
  /** Re-point a pipeline named "stackspot" that runs another repository or file. Default false. */
  takeOverPipeline?: boolean;
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  project: string;
  projectId?: string;
  repository: string;
  pool: PoolOption;
  /** The queue name the pipeline definition uses. */
  queueName: string;
  credentials: CredentialsOption;
  replaceEditedFile: boolean;
  takeOverPipeline: boolean;
}

/** Thrown for options that cannot work (empty names, line breaks in names). */
export class InvalidOptionsError extends UserError {}

/**
 * What a project set up already chose (see plan/currentChoices.ts): an option left unset keeps it.
 */
export interface CurrentChoices {
  repository?: string;
  pool?: PoolOption;
  credentials?: { kind: "service-connection"; name: string } | { kind: "variables" };
}

/**
 * Fills what the options leave unset: first with what the project has (`current`, once it has been
 * read), then with the defaults, which apply only to what does not exist yet. Refuses unusable
 * names.
 */
export function resolveOptions(
  options: SetupOptions,
  current: CurrentChoices = {},
): ResolvedOptions {
  const pool = options.pool ?? current.pool ?? { kind: "hosted" };
  const credentials =
    options.credentials ?? kept(current.credentials, options.stackSpotCredentials);
  const resolved: ResolvedOptions = {
    project: options.project,
    ...(options.projectId ? { projectId: options.projectId } : {}),
    repository: options.repository ?? current.repository ?? DEFAULT_REPOSITORY_NAME,
    pool,
    queueName: pool.kind === "hosted" ? HOSTED_QUEUE_NAME : pool.queue,
    credentials,
    replaceEditedFile: options.replaceEditedFile ?? false,
    takeOverPipeline: options.takeOverPipeline ?? false,
  };
  requireName("project", resolved.project);
  requireName("repository", resolved.repository);
  requireName("agent queue", resolved.queueName);
  if (credentials.kind === "service-connection")
    requireName("service connection", credentials.name);
  return resolved;
}

/** The credentials the project has (else the default connection), with the values given. */
function kept(
  current: CurrentChoices["credentials"],
  values: StackSpotCredentials | undefined,
): CredentialsOption {
  const c = current ?? { kind: "service-connection", name: DEFAULT_SERVICE_CONNECTION_NAME };
  if (!values) return c;
  return c.kind === "variables" ? { kind: "variables", values } : { ...c, create: values };
}

/**
 * Options as a plan shows them: the client key is never kept (client id and realm are not secrets).
 */
export type DisplayOptions = Omit<ResolvedOptions, "credentials"> & {
  credentials:
    | { kind: "service-connection"; name: string; create?: { clientId: string; realm: string } }
    | { kind: "variables"; values?: { clientId: string; realm: string } };
};

export function redactOptions(o: ResolvedOptions): DisplayOptions {
  const c = o.credentials;
  const keep = (v: StackSpotCredentials | undefined) =>
    v ? { clientId: v.clientId, realm: v.realm } : undefined;
  const credentials: DisplayOptions["credentials"] =
    c.kind === "service-connection"
      ? { kind: c.kind, name: c.name, ...(c.create ? { create: keep(c.create) } : {}) }
      : { kind: c.kind, ...(c.values ? { values: keep(c.values) } : {}) };
  return { ...o, credentials };
}

function requireName(what: string, value: string): void {
  if (!value || !value.trim())
    throw new InvalidOptionsError(`The ${what} name is empty.`, `Give a ${what} name.`);
  // Names end up in YAML and URLs; Azure DevOps itself refuses control characters in them.
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new InvalidOptionsError(
      `The ${what} name contains a line break or control character.`,
      `Type the ${what} name on one line.`,
    );
  }
}
