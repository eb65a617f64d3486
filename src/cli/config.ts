// Everything a run needs besides the token, from the flags and the environment, checked before any
// request goes out: the organization URL, the StackSpot credentials, and the engine's options.
import {
  contract,
  InvalidOptionsError,
  resolveOptions,
  SetupOptions,
  StackSpotCredentials,
} from "../setup";
import type { CommandArgs } from "./args";
import type { Env } from "./auth";
import { ConfigurationError, UsageError } from "./errors";

export type OrgUrlSource = "--org-url" | "AZURE_DEVOPS_ORG_URL" | "SYSTEM_COLLECTIONURI";

/** --org-url, else AZURE_DEVOPS_ORG_URL, else SYSTEM_COLLECTIONURI (set inside a pipeline). */
export function resolveOrgUrl(
  flag: string | undefined,
  env: Env,
): { url: string; source: OrgUrlSource } {
  const candidates: [OrgUrlSource, string | undefined][] = [
    ["--org-url", flag],
    ["AZURE_DEVOPS_ORG_URL", env.AZURE_DEVOPS_ORG_URL],
    ["SYSTEM_COLLECTIONURI", env.SYSTEM_COLLECTIONURI],
  ];
  const found = candidates.find(([, v]) => v && v.trim());
  if (!found) {
    throw new ConfigurationError(
      "No organization URL.",
      "Give --org-url https://dev.azure.com/ORG (or an Azure DevOps Server collection URL), or set AZURE_DEVOPS_ORG_URL.",
    );
  }
  const [source, raw] = found as [OrgUrlSource, string];
  return { url: checkOrgUrl(raw.trim(), source), source };
}

function checkOrgUrl(raw: string, source: OrgUrlSource): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(
      `The organization URL from ${source} is not a URL.`,
      "Give it as https://dev.azure.com/ORG or as a collection URL.",
    );
  }
  if (url.username || url.password) {
    // Never echo it: the part before "@" is usually a token.
    throw new UsageError(
      `The organization URL from ${source} contains credentials.`,
      "Remove the user name and token from the URL " +
        "and set the token in AZURE_DEVOPS_EXT_PAT instead.",
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new UsageError(
      `The organization URL from ${source} must start with https:// (got ${url.protocol}).`,
      "Give it as https://dev.azure.com/ORG.",
    );
  }
  if (url.search || url.hash) {
    throw new UsageError(
      `The organization URL from ${source} has a query or fragment.`,
      "Give only the organization or collection URL, e.g. https://dev.azure.com/ORG.",
    );
  }
  if (
    url.hostname.toLowerCase() === "dev.azure.com" &&
    url.pathname.split("/").filter(Boolean).length !== 1
  ) {
    throw new UsageError(
      `The organization URL from ${source} must name exactly one organization: https://dev.azure.com/ORG.`,
      "Leave out the project and anything after it: projects are chosen with --project.",
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

const CREDENTIAL_VARS = ["STK_CLIENT_ID", "STK_CLIENT_KEY", "STK_REALM"] as const;

/**
 * All three StackSpot credentials, or none; some without the others is a mistake worth stopping
 * for.
 */
export function resolveStackSpotCredentials(env: Env): StackSpotCredentials | undefined {
  const values = CREDENTIAL_VARS.map((v) => env[v]?.trim() ?? "");
  const given = CREDENTIAL_VARS.filter((_, i) => values[i]);
  if (!given.length) return undefined;
  if (given.length < CREDENTIAL_VARS.length) {
    const missing = CREDENTIAL_VARS.filter((v) => !given.includes(v));
    throw new ConfigurationError(
      `${given.join(" and ")} ${isOrAre(given)} set but ${missing.join(" and ")} ` +
        `${isOrAre(missing)} not.`,
      "Set all three of STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM, " +
        "or none (to use an existing service connection).",
    );
  }
  return { clientId: values[0], clientKey: values[1], realm: values[2] };
}

/**
 * The engine's options for one project; checked once up front by `checkSetupOptions`. A flag not
 * given leaves its option unset: the engine then keeps what the project has, and applies the
 * defaults only to what does not exist yet. StackSpot credentials in the environment go wherever
 * the credentials resolve to (a missing connection is created, missing secret variables filled).
 */
export function setupOptionsFor(
  project: string,
  args: CommandArgs,
  credentials: StackSpotCredentials | undefined,
): SetupOptions {
  const pool = args.pool?.trim();
  const hosted = pool?.toLowerCase() === contract.HOSTED_QUEUE_NAME.toLowerCase();
  return {
    project,
    ...(args.repository !== undefined ? { repository: args.repository } : {}),
    ...(args.pool !== undefined
      ? { pool: hosted ? { kind: "hosted" } : { kind: "self-hosted", queue: pool ?? "" } }
      : {}),
    ...(args.serviceConnection !== undefined
      ? {
          credentials: {
            kind: "service-connection",
            name: args.serviceConnection,
            ...(credentials ? { create: credentials } : {}),
          },
        }
      : credentials
        ? { stackSpotCredentials: credentials }
        : {}),
    replaceEditedFile: args.accepted.includes("replace-file"),
    takeOverPipeline: args.accepted.includes("take-over"),
  };
}

/** Turns the engine's refusal of an option (a line break in a name, …) into a usage error. */
export function checkSetupOptions(
  args: CommandArgs,
  credentials: StackSpotCredentials | undefined,
): void {
  const projects = args.projects.length ? args.projects : ["any"];
  try {
    for (const p of projects) resolveOptions(setupOptionsFor(p, args, credentials));
  } catch (e) {
    if (e instanceof InvalidOptionsError)
      throw new UsageError(e.userMessage, e.remedy, args.command);
    throw e;
  }
}

function isOrAre(names: string[]): string {
  return names.length === 1 ? "is" : "are";
}
