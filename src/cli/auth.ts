// Where the Azure DevOps token comes from, and the REST clients built on it. The token is read from
// the environment only and goes nowhere but the Authorization header.
import {
  AdoClients,
  createBearerClients,
  createPatClients,
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
  if (pat) return { source: "AZURE_DEVOPS_EXT_PAT", scheme: "Basic", token: pat };
  const access = env.SYSTEM_ACCESSTOKEN?.trim();
  if (access) return { source: "SYSTEM_ACCESSTOKEN", scheme: "Bearer", token: access };
  throw new ConfigurationError(
    "No Azure DevOps token: neither AZURE_DEVOPS_EXT_PAT nor SYSTEM_ACCESSTOKEN is set.",
    "Set AZURE_DEVOPS_EXT_PAT to a personal access token (see --help for its scopes), " +
      "or, in a pipeline, " +
      "map the build identity's token with env: SYSTEM_ACCESSTOKEN: $(System.AccessToken).",
  );
}

export interface ClientHooks {
  retry?: Partial<RetryPolicy>;
  onRequest?: (event: RequestEvent) => void;
}

export function clientsFor(orgUrl: string, auth: AdoAuth, hooks: ClientHooks = {}): AdoClients {
  const base = { orgUrl, retry: hooks.retry, onRequest: hooks.onRequest };
  return auth.scheme === "Basic"
    ? createPatClients({ ...base, token: auth.token })
    : createBearerClients({ ...base, getToken: async () => auth.token });
}
