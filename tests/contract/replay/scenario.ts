// Replays the selected recorded examples against a running emulator. The recordings name things
// that do not exist in the emulator (fabrikam's projects, repositories, commits, queues,
// pipelines), so each example's path values and body ids are mapped explicitly to what this
// scenario seeded or what an earlier replay created. Every mapping is written out below, example by
// example.
import type { Emulator } from "../../emulator/types";
import type { SpecIndex, SpecOperation } from "../spec-index";
import { SELECTED_EXAMPLES, SelectedExample } from "./catalog";
import { loadRecorded, RecordedExample } from "./recorded";
import { expectedBody, recordedRequest, ReplayRequest, RequestMapping } from "./request-builder";
import { compareShape, ShapeMismatch } from "./shape-compare";

export interface ReplayOutcome {
  example: SelectedExample;
  request: ReplayRequest;
  recordedStatus: number;
  status: number;
  body: unknown;
  mismatches: ShapeMismatch[];
}

const PROJECT = "Fabrikam-Fiber-Git";
const ZERO = "0".repeat(40);

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

export async function replayAll(
  emu: Emulator,
  index: SpecIndex,
  specsDir: string,
): Promise<ReplayOutcome[]> {
  // --- seeding: what the recordings presuppose ---
  const project = emu.addProject(PROJECT);
  const main = emu.addRepository(PROJECT, "Fabrikam-Fiber-Git", {
    defaultBranch: "refs/heads/master",
    files: {
      "/MyWebSite/MyWebSite/Views/Home/_Home.cshtml": '@{ ViewBag.Title = "Home"; }\n',
      "/README.md": "# Fabrikam\n",
    },
  });
  emu.commitFile(PROJECT, main.name, "refs/heads/feature/calcApp", "/calc.md", "calc\n");
  emu.commitFile(PROJECT, main.name, "refs/heads/feature/replacer", "/replacer.md", "replacer\n");
  emu.commitFile(PROJECT, main.name, "refs/tags/v0.1", "/release.md", "v0.1\n");
  const history = emu.addRepository(PROJECT, "push-history", { defaultBranch: null });
  const prRepo = emu.addRepository(PROJECT, "2016_10_31", {
    defaultBranch: "refs/heads/master",
    files: { "/README.md": "pr\n" },
  });
  emu.commitFile(PROJECT, prRepo.name, "refs/heads/new_feature", "/feature.md", "feature\n");
  emu.commitFile(PROJECT, prRepo.name, "refs/heads/npaulk/my_work", "/work.md", "work\n");
  const queue = emu.listQueues(PROJECT)[0];
  const pipeline = emu.addDefinition(PROJECT, {
    name: "fabrikam-ci",
    repository: main.name,
    yamlFilename: "/azure-pipelines.yml",
  });

  /**
   * Recorded commit ids → the emulator's, learned from each push answer (pushes 1–9 are one
   * history).
   */
  const commits = new Map<string, string>([[ZERO, ZERO]]);
  const created: Record<string, string | number> = {};

  const mappingFor = (sel: SelectedExample, ex: RecordedExample): RequestMapping => {
    const base = { organization: emu.organization, project: PROJECT };
    const body = clone(ex.parameters.body) as Json | undefined;
    switch (sel.id) {
      case "repository-get":
      case "item-file":
      case "item-file-download":
      case "refs-all":
      case "refs-heads":
      case "refs-heads-contains":
      case "refs-heads-statuses":
      case "refs-tags":
        return { ...base, pathValues: { repositoryId: main.id } };
      case "repository-create":
        return { ...base, body: { ...body, project: { id: project.id } } };
      case "repository-fork":
      case "repository-fork-source-ref":
        return {
          ...base,
          body: {
            ...body,
            project: { id: project.id },
            parentRepository: { id: main.id, project: { id: project.id } },
          },
        };
      case "pull-request-create":
        return { ...base, pathValues: { repositoryId: prRepo.id } };
      case "pull-request-get":
        return {
          ...base,
          pathValues: { repositoryId: prRepo.id, pullRequestId: String(created.pullRequestId) },
        };
      case "pull-requests-list":
      case "pull-requests-completed":
      case "pull-requests-target":
        return { ...base, pathValues: { repositoryId: prRepo.id } };
      case "endpoint-create-generic":
      case "endpoint-create-azurerm": {
        const refs = (body!.serviceEndpointProjectReferences as Json[]).map((r) => ({
          ...r,
          projectReference: { id: project.id, name: PROJECT },
        }));
        return { ...base, body: { ...body, serviceEndpointProjectReferences: refs } };
      }
      case "endpoints-list":
      case "endpoints-by-names":
        return { ...base, project: project.id };
      case "endpoint-get":
        return { ...base, pathValues: { endpointId: String(created.genericEndpointId) } };
      case "pipeline-permissions-update":
        return {
          ...base,
          pathValues: { resourceType: "queue", resourceId: String(queue.id) },
          body: { pipelines: [{ id: pipeline.id, authorized: true }] },
        };
      case "pipeline-permissions-get":
        return { ...base, pathValues: { resourceType: "queue", resourceId: String(queue.id) } };
      default:
        if (sel.operationId === "Pushes_Create") {
          const refUpdates = (body!.refUpdates as Json[]).map((u) => ({
            ...u,
            oldObjectId: mapCommit(commits, String(u.oldObjectId)),
          }));
          return {
            ...base,
            pathValues: { repositoryId: history.id },
            body: { ...body, refUpdates },
          };
        }
        return base;
    }
  };

  const outcomes: ReplayOutcome[] = [];
  for (const sel of SELECTED_EXAMPLES) {
    const op = operation(index, sel);
    const ex = loadRecorded(specsDir, sel.file);
    if (sel.id === "pull-requests-completed") {
      // The recording lists a completed pull request: complete the one pull-request-create opened.
      emu.completePullRequest(PROJECT, prRepo.name, Number(created.pullRequestId));
    }
    if (sel.id === "pull-requests-target") {
      // The recording lists a pull request into master: open one through the API first.
      await send(
        emu,
        recordedRequest(operation(index, { ...sel, operationId: "Pull Requests_Create" }), ex, {
          organization: emu.organization,
          project: PROJECT,
          pathValues: { repositoryId: prRepo.id },
          body: {
            sourceRefName: "refs/heads/new_feature",
            targetRefName: "refs/heads/master",
            title: "Into master",
          },
        }),
      );
    }
    const request = recordedRequest(op, ex, mappingFor(sel, ex));
    const answer = await send(emu, request);
    learn(sel, ex, answer.body, commits, created);
    const ok = answer.status >= 200 && answer.status < 300;
    outcomes.push({
      example: sel,
      request,
      recordedStatus: ex.status,
      status: answer.status,
      body: answer.body,
      mismatches: ok ? compareShape(expectedBody(op, ex), answer.body) : [],
    });
  }
  return outcomes;
}

function operation(index: SpecIndex, sel: SelectedExample): SpecOperation {
  const op = index.operations.get("7.1")!.find((o) => o.operationId === sel.operationId);
  if (!op) throw new Error(`${sel.id}: no 7.1 operation ${sel.operationId}`);
  return op;
}

function mapCommit(commits: Map<string, string>, recorded: string): string {
  const mapped = commits.get(recorded);
  if (!mapped)
    throw new Error(
      `push replay: recorded commit ${recorded} was not produced by an earlier replayed push`,
    );
  return mapped;
}

/** Records what an answer created, for the examples that refer to it later. */
function learn(
  sel: SelectedExample,
  ex: RecordedExample,
  body: unknown,
  commits: Map<string, string>,
  created: Record<string, string | number>,
): void {
  const answer = body as Json | undefined;
  if (!answer || typeof answer !== "object") return;
  if (sel.operationId === "Pushes_Create") {
    const recorded = (ex.body as { refUpdates: Json[] }).refUpdates;
    const actual = answer.refUpdates as Json[] | undefined;
    recorded.forEach((r, i) => {
      const got = actual?.[i]?.newObjectId;
      if (typeof got === "string") commits.set(String(r.newObjectId), got);
    });
  }
  if (sel.id === "pull-request-create" && answer.pullRequestId !== undefined)
    created.pullRequestId = answer.pullRequestId as number;
  if (sel.id === "endpoint-create-generic" && typeof answer.id === "string")
    created.genericEndpointId = answer.id;
}

async function send(emu: Emulator, r: ReplayRequest): Promise<{ status: number; body: unknown }> {
  const url = new URL(emu.baseUrl + r.path);
  for (const [k, v] of Object.entries(r.query)) url.searchParams.set(k, v);
  const res = await fetch(url, {
    method: r.method,
    headers: {
      ...r.headers,
      authorization: "Basic " + Buffer.from(":" + emu.token).toString("base64"),
    },
    body: r.body === undefined ? undefined : JSON.stringify(r.body),
  });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get("content-type") ?? "").includes("json") && text) body = JSON.parse(text);
  return { status: res.status, body };
}
