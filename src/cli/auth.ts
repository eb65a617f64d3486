// Where the Azure DevOps token comes from, and the REST clients built on it. The token is read from
// the environment only and goes nowhere but the Authorization header.
import {
  AdoClients,
  AdoError,
  createBearerClients,
  createPatClients,
  FetchLike,
  RequestEvent,
  RetryPolicy,
} from "../ado";
import { ConfigurationError } from "./errors";

export type Env = Record<string, string | undefined>;

export type TokenSource = "AZURE_DEVOPS_EXT_PAT" | "SYSTEM_ACCESSTOKEN";

export interface AdoAuth {
  /** Which variable the token came from (safe to print; the token is not). */
  source: TokenSource;
  /** A PAT goes as Basic; the pipeline's System.AccessToken is an OAuth token, sent as Bearer. */
  scheme: "Basic" | "Bearer";
  token: string;
}

/** AZURE_DEVOPS_EXT_PAT first (explicit), then SYSTEM_ACCESSTOKEN (a pipeline's build identity). */
export function resolveAuth(env: Env): AdoAuth {
  const pat = env.AZURE_DEVOPS_EXT_PAT?.trim();
  if (pat) return checkHeaderSafe({ source: "AZURE_DEVOPS_EXT_PAT", scheme: "Basic", token: pat });
  const access = env.SYSTEM_ACCESSTOKEN?.trim();
  if (access)
    return checkHeaderSafe({ source: "SYSTEM_ACCESSTOKEN", scheme: "Bearer", token: access });
  throw new ConfigurationError(
    "No Azure DevOps token: neither AZURE_DEVOPS_EXT_PAT nor SYSTEM_ACCESSTOKEN is set.",
    "Set AZURE_DEVOPS_EXT_PAT to a personal access token (see --help for its scopes), " +
      "or, in a pipeline, " +
      "map the build identity's token with env: SYSTEM_ACCESSTOKEN: $(System.AccessToken).",
  );
}

/**
 * A header value holds Latin-1 without control characters (tab aside); anything else makes fetch
 * throw while building the request, which reads as "could not be reached". A pasted token with a
 * line break or a typographic character is the usual cause. Neither the token nor the character's
 * position is printed: both would describe the secret.
 */
function checkHeaderSafe(auth: AdoAuth): AdoAuth {
  if (/[\u0000-\u0008\u000a-\u001f\u007f]|[^\u0000-\u00ff]/.test(auth.token)) {
    throw new ConfigurationError(
      `The token in ${auth.source} has a character that cannot go in an HTTP header ` +
        "(a line break or a non-Latin-1 character).",
      `Copy it again, on one line, into ${auth.source}.`,
    );
  }
  return auth;
}

export interface ClientHooks {
  retry?: Partial<RetryPolicy>;
  onRequest?: (event: RequestEvent) => void;
  /** Replaces the platform fetch (the proxy-aware one, when a proxy is set). */
  fetch?: FetchLike;
}

export function clientsFor(orgUrl: string, auth: AdoAuth, hooks: ClientHooks = {}): AdoClients {
  const base = { orgUrl, retry: hooks.retry, onRequest: hooks.onRequest, fetch: hooks.fetch };
  const clients =
    auth.scheme === "Basic"
      ? createPatClients({ ...base, token: auth.token })
      : createBearerClients({ ...base, getToken: async () => auth.token });
  return guardProjectIdentity(clients);
}

/**
 * The project the service returns must be the one asked for (by name, ignoring case, or by id): an
 * odd name once resolved to another route and its answer was taken for "the project". Checked on
 * the client, so every read of a project by the engine goes through it.
 */
function guardProjectIdentity(clients: AdoClients): AdoClients {
  const core = clients.core;
  const getProject = core.getProject.bind(core);
  core.getProject = async (projectId, ...rest) => {
    const project = await getProject(projectId, ...rest);
    const asked = projectId.toLowerCase();
    const name = typeof project?.name === "string" ? project.name : "";
    if (name.toLowerCase() !== asked && (project?.id ?? "").toLowerCase() !== asked) {
      throw new AdoError(
        `Azure DevOps answered with the project "${name || "(none)"}" when asked for ` +
          `"${projectId}".`,
        "Check the project name (as Azure DevOps shows it) and the organization URL.",
      );
    }
    return project;
  };
  return clients;
}
