// doctor's token checks: for each REST area the product uses (configs/scopes.json), one harmless
// read that the area's scope allows. A 401 or 203 there means the token lacks the scope, named as
// the token page names it. A read proves the read part only: whether a write scope is there shows
// only when writing (the line says so).
import { DoctorCheck, fail, info, pass } from "./report";
import type { Prober } from "./probe";

export interface ScopeRead {
  /** The area of configs/scopes.json. */
  area: string;
  /** The scope as configs/scopes.json names it, and as the token page labels it. */
  scope: string;
  label: string;
  /** The read, relative to the organization URL; PROJECT is replaced; undefined: no read. */
  path?: string;
  apiVersion?: string;
}

export const SCOPE_READS: ScopeRead[] = [
  {
    area: "projects",
    scope: "vso.project",
    label: "Project and Team (Read)",
    path: "_apis/projects?$top=1",
    apiVersion: "7.2-preview.4",
  },
  {
    area: "git",
    scope: "vso.code_manage",
    label: "Code (Read, write & manage)",
    path: "PROJECT/_apis/git/repositories",
    apiVersion: "7.2-preview.2",
  },
  {
    area: "build",
    scope: "vso.build_execute",
    label: "Build (Read & execute)",
    path: "PROJECT/_apis/build/definitions?name=stackspot",
    apiVersion: "7.2-preview.8",
  },
  {
    area: "pipelines",
    scope: "vso.build",
    label: "Build (Read & execute)",
    path: "PROJECT/_apis/pipelines?$top=1",
    apiVersion: "7.2-preview.1",
  },
  {
    area: "pipelines/pipelinepermissions",
    scope: "vso.pipelineresources_manage",
    label: "Pipeline Resources (Use & manage)",
  },
  {
    area: "distributedtask",
    scope: "vso.agentpools",
    label: "Agent Pools (Read)",
    path: "PROJECT/_apis/distributedtask/queues",
    apiVersion: "7.2-preview.1",
  },
  {
    area: "serviceendpoint",
    scope: "vso.serviceendpoint_manage",
    label: "Service Connections (Read, query & manage)",
    path: "PROJECT/_apis/serviceendpoint/endpoints?type=stackspot",
    apiVersion: "7.2-preview.4",
  },
];

export async function checkToken(p: Prober, project: string | undefined): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  for (const read of SCOPE_READS) {
    if (!read.path) {
      checks.push(
        info("token", `${read.label} (${read.scope}): only a write proves it; not checked`),
      );
      continue;
    }
    if (read.path.startsWith("PROJECT/") && !project) {
      checks.push(info("token", `${read.label} (${read.scope}): not checked, no project to read`));
      continue;
    }
    const path = read.path.replace("PROJECT", encodeURIComponent(project ?? ""));
    const answer = await p.get(path, read.apiVersion!);
    const what = `GET ${path.replace(/\?.*$/, "")}`;
    if (answer.status === 200) checks.push(pass("token", `${read.label} (${read.scope}): ${what}`));
    else if (answer.status === 401 || answer.status === 203)
      checks.push(
        fail(
          "token",
          `${read.label} (${read.scope}): ${what} answered ${answer.status}: the token lacks it`,
          `Add the scope "${read.label}" to the token (User settings → Personal access ` +
            "tokens → Edit), or create a token with the scopes the README lists.",
        ),
      );
    else
      checks.push(
        fail(
          "token",
          `${read.label} (${read.scope}): ${what} answered ${answer.status}` +
            (answer.message ? `: "${answer.message}"` : ""),
          "Check that the project exists and that you may read it; then run doctor again.",
        ),
      );
  }
  return checks;
}
