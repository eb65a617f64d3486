// The header's action and the decisions' words, without a browser, on plans the engine makes: the
// label ("Set up", "Repair", "Apply changes", "Up to date"), why the action cannot be pressed, and
// how a pipeline this product set up is told apart from someone else's.
import {
  classifyPipelineFile,
  planSetup,
  renderPipelineFile,
  type ProjectState,
  type SetupOptions,
} from "../../src/setup";
import { decisionWords, managedPipeline } from "../../src/hub/decisions";
import { primaryAction } from "../../src/hub/primaryAction";

const hosted: Pick<SetupOptions, "pool" | "credentials"> = {
  pool: { kind: "hosted" },
  credentials: { kind: "service-connection", name: "stackspot" },
};

/** A project set up on repo-runner-actions, hosted, with the connection "stackspot". */
function setUpState(over: Partial<ProjectState> = {}): ProjectState {
  const content = renderPipelineFile(hosted);
  return {
    project: { id: "1", name: "P" },
    repository: {
      id: "r1",
      name: "repo-runner-actions",
      defaultBranch: "refs/heads/main",
      headObjectId: "a".repeat(40),
    },
    file: { content, classification: classifyPipelineFile(content) },
    pipelinesNamedStackspot: [
      {
        id: 7,
        name: "stackspot",
        path: "\\",
        revision: 1,
        repositoryId: "r1",
        repositoryName: "repo-runner-actions",
        yamlFilename: "/stackspot.yml",
        queueId: 1,
        variables: {
          secret_cli_login: { isSecret: true, allowOverride: true },
          secret_git: { isSecret: true, allowOverride: true },
        },
        raw: {} as never,
      },
    ],
    pipelinesOnFile: [],
    queue: { id: 1, name: "Azure Pipelines" },
    serviceConnection: { id: "e1", name: "stackspot", type: "stackspot", isReady: true },
    endpointPermissions: { allPipelines: { authorized: true } } as never,
    queuePermissions: { allPipelines: { authorized: true } } as never,
    pullRequest: null,
    ...over,
  } as ProjectState;
}

const idle = { planning: false, applying: false, chosenDecisions: 0 };

test("Set up for a new project, Up to date for one that meets the contract", () => {
  const fresh = planSetup(
    { ...setUpState(), repository: null, file: null, pipelinesNamedStackspot: [] },
    { project: "P", ...hosted },
  );
  expect(primaryAction({ ...idle, plan: fresh })).toMatchObject({ label: "Set up", enabled: true });
  const done = planSetup(setUpState(), { project: "P" });
  expect(primaryAction({ ...idle, plan: done })).toMatchObject({
    label: "Up to date",
    enabled: false,
  });
});

test("Apply changes when the plan holds a choice of the user's, Repair for drift", () => {
  const otherPool = planSetup(setUpState(), {
    project: "P",
    pool: { kind: "self-hosted", queue: "Linux" },
  });
  expect(primaryAction({ ...idle, plan: otherPool }).label).toBe("Apply changes");
  const drifted = setUpState();
  drifted.pipelinesNamedStackspot[0].variables.secret_git.allowOverride = false;
  const repair = planSetup(drifted, { project: "P" });
  expect(primaryAction({ ...idle, plan: repair })).toMatchObject({
    label: "Repair",
    enabled: true,
  });
  expect(primaryAction({ ...idle, plan: repair, chosenDecisions: 1 }).label).toBe("Apply changes");
});

test("invalid options: the action waits for valid ones, even beside an up-to-date plan", () => {
  const done = planSetup(setUpState(), { project: "P" });
  const action = primaryAction({ ...idle, plan: done, invalidOption: "Too long." });
  expect(action.enabled).toBe(false);
  expect(action.label).not.toBe("Up to date");
  expect(action.reason).toBe("Waiting for valid options: Too long.");
});

test("moving the pipeline this product set up is a move; another file's pipeline is a take-over", () => {
  const managed = managedPipeline(planSetup(setUpState(), { project: "P" }));
  expect(managed).toEqual({ pipelineId: 7, repository: "repo-runner-actions" });
  const other = planSetup(
    { ...setUpState(), repository: null, file: null },
    { project: "P", repository: "runner-two" },
  );
  const takeOver = other.decisions.find((d) => d.id === "take-over-pipeline")!;
  const move = decisionWords(takeOver, other, managed);
  expect(move.title).toBe("Move the stackspot pipeline to another repository?");
  expect(move.question).toMatch(/was set up by this extension/);
  expect(move.consequence).toMatch(/"repo-runner-actions" stays in its repository as it is/);
  expect(move.consequence).not.toMatch(/whoever relies/i);
  // Without having seen it set up, the hub does not claim it was.
  expect(decisionWords(takeOver, other, undefined).question).not.toMatch(/set up by this/);

  const foreign = setUpState();
  foreign.pipelinesNamedStackspot[0].yamlFilename = "/ci.yml";
  foreign.pipelinesNamedStackspot[0].repositoryName = "ci";
  foreign.pipelinesNamedStackspot[0].repositoryId = "r2";
  const plan = planSetup(foreign, { project: "P" });
  const words = decisionWords(
    plan.decisions.find((d) => d.id === "take-over-pipeline")!,
    plan,
    managed,
  );
  expect(words.title).toBe("Take over the stackspot pipeline?");
  expect(words.consequence).toMatch(/\/ci\.yml of "ci" stays in its repository as it is/);
});
