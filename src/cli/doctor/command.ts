// `stackspot-ado doctor`: a read-only self-check of an organization (and a project) against what
// the product assumes, one ✓/✗ line each, with a remedy for what fails. Nothing is written. Its
// own parser keeps `doctor`'s few flags apart from the set-up commands'.
import { parseArgs } from "node:util";
import { AdoError } from "../../ado";
import { AdoAuth, clientsFor, Env, resolveAuth } from "../auth";
import { resolveOrgUrl } from "../config";
import { UsageError } from "../errors";
import { ExitCode } from "../exitCodes";
import { checkTransportSecurity, createFetch } from "../network";
import type { TextStream } from "../render/renderer";
import { checkExtension, checkNetwork, checkPermissionsApi } from "./orgChecks";
import { createProber, Prober } from "./probe";
import { checkProject } from "./projectCheck";
import { DoctorCheck, DoctorReport, fail, info, renderDoctorText } from "./report";
import { checkService } from "./serviceCheck";
import { checkToken } from "./tokenCheck";

export const DOCTOR_HELP = `stackspot-ado doctor: check an organization before a set-up (reads only)

Usage:
  stackspot-ado doctor --org-url URL [--project NAME] [--json]

It reports, one line each (✓ passed, ✗ failed with what to do, · a fact):
  service      Services or Server, and whether it serves the api-versions the product sends
  token        one harmless read per scope the product needs; a missing scope is named
  permissions  whether the permission checks (GET _apis/permissions) answer with this token
  extension    whether the StackSpot extension is installed in the organization
  project      with --project: its checklist, as status shows it, and whether the last 5 runs
               of "stackspot" show their workflow execution id
  network      the proxy in use, if any

The token comes from AZURE_DEVOPS_EXT_PAT (or SYSTEM_ACCESSTOKEN), never from a flag.
--json prints the same report as one document: attach it to a bug report (SUPPORT.md).
Exit codes: 0 every check passed; 1 a check failed; 2 usage error.
`;

interface DoctorArgs {
  orgUrl?: string;
  project?: string;
  json: boolean;
  allowInsecureHttp: boolean;
}

export function parseDoctorArgs(argv: string[]): DoctorArgs | "help" {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        "org-url": { type: "string" },
        project: { type: "string", short: "p" },
        json: { type: "boolean" },
        "allow-insecure-http": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (e) {
    throw new UsageError(
      `doctor: ${e instanceof Error ? e.message : String(e)}`,
      'Run "stackspot-ado doctor --help" for its flags.',
      "doctor",
    );
  }
  if (values.help) return "help";
  return {
    orgUrl: values["org-url"] as string | undefined,
    project: values.project as string | undefined,
    json: values.json === true,
    allowInsecureHttp: values["allow-insecure-http"] === true,
  };
}

export async function runDoctor(
  argv: string[],
  env: Env,
  out: { stdout: TextStream; stderr: TextStream; version: string },
): Promise<ExitCode> {
  const args = parseDoctorArgs(argv);
  if (args === "help") {
    out.stdout.write(DOCTOR_HELP);
    return ExitCode.Ready;
  }
  const auth = resolveAuth(env);
  const org = resolveOrgUrl(args.orgUrl, env);
  const warning = checkTransportSecurity(org.url, org.source, args.allowInsecureHttp);
  if (warning) out.stderr.write(`stackspot-ado: ${warning}\n`);
  const checks = await collectChecks(org.url, auth, env, args.project);
  const exitCode = checks.some((c) => c.result === "fail") ? ExitCode.Failed : ExitCode.Ready;
  const report: DoctorReport = {
    command: "doctor",
    organization: org.url,
    ...(args.project ? { project: args.project } : {}),
    version: out.version,
    exitCode,
    checks,
  };
  out.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : renderDoctorText(report));
  return exitCode;
}

async function collectChecks(
  orgUrl: string,
  auth: AdoAuth,
  env: Env,
  project: string | undefined,
): Promise<DoctorCheck[]> {
  const fetch = createFetch(env);
  const p = createProber(orgUrl, auth, fetch);
  const network = checkNetwork(orgUrl, env);
  try {
    const service = await checkService(p);
    if (!service.servesProduct)
      return [
        ...service.checks,
        skipped("the server refuses the product's api-versions"),
        ...network,
      ];
    if (service.projects?.status === 401 || service.projects?.status === 203)
      return [...service.checks, tokenRefused(auth), ...network];
    const projectId = await projectIdOf(p, project, service.projects?.body);
    const checks = [...service.checks, ...(await checkToken(p, project ?? projectId?.name))];
    checks.push(await checkPermissionsApi(p, projectId?.id));
    checks.push(await checkExtension(p));
    if (project) checks.push(...(await projectChecks(orgUrl, auth, fetch, project)));
    return [...checks, ...network];
  } catch (e) {
    return [unreachable(orgUrl, e), ...network];
  }
}

async function projectChecks(
  orgUrl: string,
  auth: AdoAuth,
  fetch: ReturnType<typeof createFetch>,
  project: string,
): Promise<DoctorCheck[]> {
  try {
    return await checkProject(clientsFor(orgUrl, auth, { fetch }), project);
  } catch (e) {
    const problem = e instanceof AdoError ? e : undefined;
    return [
      fail(
        "project",
        `reading "${project}" failed: ${problem ? problem.userMessage : String(e)}`,
        problem?.remedy ?? "Run stackspot-ado status --project NAME --verbose for details.",
      ),
    ];
  }
}

/** The project asked about (by name), or else the first one listed, for project-level reads. */
async function projectIdOf(
  p: Prober,
  project: string | undefined,
  listed: unknown,
): Promise<{ id: string; name: string } | undefined> {
  if (project) {
    const answer = await p.get(`_apis/projects/${encodeURIComponent(project)}`, "7.2-preview.4");
    const body = answer.body as { id?: string; name?: string } | undefined;
    return answer.status === 200 && body?.id
      ? { id: body.id, name: body.name ?? project }
      : undefined;
  }
  const first = (listed as { value?: { id: string; name: string }[] } | undefined)?.value?.[0];
  return first ? { id: first.id, name: first.name } : undefined;
}

const skipped = (why: string): DoctorCheck =>
  info("service", `the other checks were skipped: ${why}`);

function tokenRefused(auth: AdoAuth): DoctorCheck {
  return fail(
    "token",
    `the organization did not accept the token from ${auth.source} (wrong, expired, for ` +
      "another organization, or without Project and Team (Read))",
    "Create a personal access token in this organization with the scopes the README lists, and " +
      "set it in AZURE_DEVOPS_EXT_PAT.",
  );
}

function unreachable(orgUrl: string, e: unknown): DoctorCheck {
  const message =
    e instanceof AdoError ? e.userMessage : e instanceof Error ? e.message : String(e);
  return fail(
    "service",
    `could not reach ${orgUrl}: ${message}`,
    "Check the organization URL and the network (proxy, VPN, firewall, NODE_EXTRA_CA_CERTS).",
  );
}
