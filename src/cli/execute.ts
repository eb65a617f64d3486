// One stackspot-ado command, once its command line is parsed: read the environment, check the
// organization once, list the projects, run them, summarize. Loaded by ./cli.ts only when a command
// runs, so --help and --version never initialise the engine and the REST clients.
import {
  AdoError,
  AuthenticationError,
  FetchLike,
  NetworkError,
  NotFoundError,
  RequestEvent,
} from "../ado";
import { CommandArgs, YesKind } from "./args";
import { AdoAuth, clientsFor, Env, resolveAuth } from "./auth";
import {
  checkSetupOptions,
  resolveOrgUrl,
  resolveStackSpotCredentials,
  setupOptionsFor,
} from "./config";
import { OrganizationError } from "./errors";
import { checkCredentialsAndNames } from "./inputs";
import { checkTransportSecurity, createFetch, proxyFor } from "./network";
import { ExitCode } from "./exitCodes";
import { listAllProjectRefs } from "./projects";
import type { Renderer, TextStream } from "./render/renderer";
import { JsonRenderer } from "./render/json";
import { PlainRenderer } from "./render/plain";
import { TtyRenderer } from "./render/tty";
import { countStatuses, exitCodeFor, RunReport } from "./report";
import { runProjects } from "./runProjects";

/** The checks before any project: fail in about a second when the organization is unreachable. */
const PREFLIGHT_RETRY = { maxAttempts: 2, maxElapsedMs: 5_000, requestTimeoutMs: 10_000 };

export async function execute(
  args: CommandArgs,
  env: Env,
  stdout: TextStream,
  stderr: TextStream,
): Promise<ExitCode> {
  const auth = resolveAuth(env);
  const org = resolveOrgUrl(args.orgUrl, env);
  const insecureWarning = checkTransportSecurity(org.url, org.source, args.allowInsecureHttp);
  const credentials = resolveStackSpotCredentials(env);
  checkSetupOptions(args, credentials);
  checkCredentialsAndNames(args, credentials);
  const fetch = createFetch(env);
  if (insecureWarning) stderr.write(`stackspot-ado: ${insecureWarning}\n`);

  const renderer = chooseRenderer(args, env, stdout, stderr);
  if (args.verbose) logSettings(renderer, env, org, auth, credentials !== undefined);
  const onRequest = args.verbose
    ? (e: RequestEvent) => renderer.log(describeRequest(e))
    : undefined;
  await checkOrganization(org.url, org.source, auth, { onRequest, fetch });
  const clients = clientsFor(org.url, auth, { onRequest, fetch });
  const listed = args.allProjects ? await listAllProjectRefs(clients) : undefined;
  const projects = listed ? listed.map((p) => p.name) : args.projects;
  // Known ids (from the listing) let each set-up check permissions with its first reads.
  const ids = new Map((listed ?? []).map((p) => [p.name, p.id]));

  const started = performance.now();
  renderer.start({
    command: args.command,
    organization: clients.orgUrl,
    projects,
    concurrency: args.concurrency,
  });
  if (args.yes) renderer.log(acceptedLine(args.accepted));
  const reports = await runProjects({
    command: args.command,
    clients,
    projects,
    concurrency: args.concurrency,
    optionsFor: (project) => ({
      ...setupOptionsFor(project, args, credentials),
      ...(ids.has(project) ? { projectId: ids.get(project) } : {}),
    }),
    onEvent: (project, event) => renderer.event(project, event),
    onDone: (report) => renderer.done(report),
  });
  const run: RunReport = {
    command: args.command,
    organization: clients.orgUrl,
    exitCode: exitCodeFor(reports),
    total: reports.length,
    counts: countStatuses(reports),
    durationMs: Math.round(performance.now() - started),
    projects: reports,
  };
  renderer.finish(run);
  return run.exitCode;
}

function logSettings(
  renderer: Renderer,
  env: Env,
  org: { url: string; source: string },
  auth: AdoAuth,
  withCredentials: boolean,
): void {
  const proxy = proxyFor(env, new URL(org.url).protocol);
  renderer.log(`organization: ${org.url} (from ${org.source})`);
  // host:port only: a proxy URL may carry a password.
  if (proxy) renderer.log(`proxy: ${proxy.display} (from ${proxy.variable}; NO_PROXY applies)`);
  renderer.log(`token: from ${auth.source}, sent as ${auth.scheme}`);
  renderer.log(
    "StackSpot credentials: " +
      (withCredentials
        ? "from STK_CLIENT_ID, STK_CLIENT_KEY, STK_REALM"
        : "none (an existing service connection is expected)"),
  );
}

const YES_WORDS: Record<YesKind, string> = {
  "replace-file": "replace an edited /stackspot.yml (replace-file)",
  "take-over": "take over a pipeline named stackspot that runs another file (take-over)",
};

/** What --yes accepts, said before any project runs. */
function acceptedLine(accepted: YesKind[]): string {
  return `Accepting without asking (--yes): ${accepted.map((k) => YES_WORDS[k]).join("; ")}.`;
}

function chooseRenderer(
  args: CommandArgs,
  env: Env,
  stdout: TextStream,
  stderr: TextStream,
): Renderer {
  if (args.json) return new JsonRenderer(stdout, stderr);
  if (stdout.isTTY)
    return new TtyRenderer(stdout, {
      style: { color: !env.NO_COLOR, symbols: true },
      verbose: args.verbose,
    });
  return new PlainRenderer(stdout, args.verbose);
}

/** One request read before any project: the organization answers, and accepts the token. */
async function checkOrganization(
  orgUrl: string,
  source: string,
  auth: AdoAuth,
  hooks: { onRequest?: (e: RequestEvent) => void; fetch?: FetchLike },
): Promise<void> {
  const clients = clientsFor(orgUrl, auth, { ...hooks, retry: PREFLIGHT_RETRY });
  try {
    await clients.core.getProjects(undefined, 1);
  } catch (e) {
    if (e instanceof NetworkError) {
      throw new OrganizationError(
        `Could not reach Azure DevOps at ${orgUrl}: ${e.userMessage}`,
        `Check the organization URL (from ${source}) and the network (proxy, VPN, firewall).`,
      );
    }
    if (e instanceof AuthenticationError) {
      throw new OrganizationError(
        `Azure DevOps at ${orgUrl} did not accept the token from ${auth.source} ` +
          "(it is wrong, expired, not for this organization, " +
          "or lacks the Project and Team (Read) scope).",
        "Create a new personal access token in this organization with the scopes listed in " +
          "--help, and set it in AZURE_DEVOPS_EXT_PAT.",
      );
    }
    if (e instanceof NotFoundError) {
      throw new OrganizationError(
        `There is no Azure DevOps organization at ${orgUrl}.`,
        `Check the organization URL (from ${source}): https://dev.azure.com/ORG, or the collection URL on Azure DevOps Server.`,
      );
    }
    if (e instanceof AdoError) throw new OrganizationError(e.userMessage, e.remedy);
    throw e;
  }
}

function describeRequest(e: RequestEvent): string {
  const outcome = e.status !== undefined ? `${e.status}` : e.error ? e.error.name : "ok";
  return `  ${e.method} ${e.path} → ${outcome}${e.attempt > 1 ? ` (attempt ${e.attempt})` : ""}`;
}
