// What a set-up reports besides its outcome: the project as it stands afterwards (computed from
// what the steps made, without reading again — it must equal a fresh read), and the events around
// the reads.
import {
  planSetup,
  readProjectState,
  renderPipelineBody,
  runSetup,
  sealPipelineFile,
  SetupEvent,
  SetupOptions,
  SetupPlan,
} from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, CREDENTIALS, creatingOptions, useEmulator } from "./harness";

const emu: Emulator = useEmulator();
let n = 0;

const REPO = "repo-runner-actions";

async function freshPlan(options: SetupOptions): Promise<SetupPlan> {
  return planSetup(await readProjectState(clientsFor(emu), options), options);
}

const view = (p: SetupPlan) => ({
  checklist: p.checklist,
  steps: p.steps.map((s) => s.change),
  decisions: p.decisions.map((d) => d.id),
  upToDate: p.upToDate,
});

interface Scenario {
  name: string;
  seed?: (project: string) => void;
  options?: (project: string) => SetupOptions;
  outcome: string;
  /** Faults for the run (the after-state must also be right after a failure). */
  faults?: (project: string) => void;
}

const scenarios: Scenario[] = [
  { name: "an empty project", outcome: "complete" },
  {
    name:
      "a drifted project " +
      "(file of an older format, pipeline renamed and in a folder, connection there)",
    seed: (project) => {
      emu.addRepository(project, REPO, {
        files: {
          "/stackspot.yml": sealPipelineFile(renderPipelineBody({}), 0),
          "/README.md": "r\n",
        },
      });
      emu.addDefinition(project, {
        name: "runner",
        path: "\\old",
        repository: REPO,
        yamlFilename: "/stackspot.yml",
      });
      emu.addServiceEndpoint(project, {
        name: "stackspot",
        type: "stackspot",
        scheme: "UsernamePassword",
        parameters: { username: "u", password: "p" },
        data: { realm: "r" },
      });
    },
    options: (project) => ({ project }),
    outcome: "complete",
  },
  {
    name: "a protected branch (the file waits in a pull request)",
    seed: (project) => {
      emu.addRepository(project, REPO, { files: { "/README.md": "r\n" } });
      emu.protectBranch(project, REPO, "main");
    },
    outcome: "waiting-for-pull-request",
  },
  {
    name: "an edited file (a decision is left)",
    seed: (project) =>
      void emu.addRepository(project, REPO, {
        files: { "/stackspot.yml": "trigger: none\n# by hand\n" },
      }),
    outcome: "needs-decision",
  },
  {
    name: "a failed step (the pipeline cannot be created)",
    faults: (project) =>
      emu.addFault({
        method: "POST",
        route: `/${project}/_apis/build/definitions`,
        status: 500,
        times: Infinity,
      }),
    outcome: "failed",
  },
  {
    name: "a self-hosted pool not open to all pipelines",
    seed: (project) => void emu.addQueue(project, "Linux"),
    options: (project) =>
      creatingOptions(project, { pool: { kind: "self-hosted", queue: "Linux" } }),
    outcome: "complete",
  },
];

describe("the project after a set-up", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))(
    "%s: equals a fresh read",
    async (_name, s) => {
      const project = `After${++n}`;
      const { id } = emu.addProject(project);
      s.seed?.(project);
      const options = { ...(s.options?.(project) ?? creatingOptions(project)), projectId: id };
      s.faults?.(project);
      let result;
      try {
        result = await runSetup(clientsFor(emu, { maxAttempts: 1 }), options);
      } finally {
        emu.clearFaults();
      }
      expect(result.outcome).toBe(s.outcome);
      emu.clearRequests();
      const fresh = await freshPlan(options);
      expect(view(result.after)).toEqual(view(fresh));
      if (s.outcome === "complete") expect(result.after.upToDate).toBe(true);
    },
  );

  it("is the plan itself when the set-up was blocked (nothing changed)", async () => {
    const project = `After${++n}`;
    emu.addProject(project);
    emu.deny("CreateRepository", { project });
    try {
      const result = await runSetup(clientsFor(emu), creatingOptions(project));
      expect(result.outcome).toBe("blocked");
      expect(result.after).toBe(result.plan);
    } finally {
      emu.allow("CreateRepository", { project });
    }
  });
});

describe("events", () => {
  it(
    "says when it reads and what it planned, before " +
      "the steps; onProgress still hears only the steps",
    async () => {
      const project = `After${++n}`;
      emu.addProject(project);
      const events: SetupEvent[] = [];
      const progress: string[] = [];
      await runSetup(clientsFor(emu), creatingOptions(project), {
        onEvent: (e) => events.push(e),
        onProgress: (e) => progress.push(e.type),
      });
      const types = events.map((e) => e.type);
      expect(types.slice(0, 2)).toEqual(["reading", "planned"]);
      expect(types.slice(2).every((t) => t.startsWith("step-"))).toBe(true);
      expect(progress).toEqual(types.slice(2));
      const planned = events[1] as Extract<SetupEvent, { type: "planned" }>;
      expect(planned.plan.steps.map((s) => s.kind)).toContain("create-repository");
      expect(JSON.stringify(planned)).not.toContain(CREDENTIALS.clientKey);
    },
  );

  it("reads and plans again after a conflict, and says so", async () => {
    const project = `After${++n}`;
    emu.addProject(project);
    emu.addRepository(project, REPO, { files: { "/README.md": "r\n" } });
    // Someone pushes between the read and the set-up's push: the stale head makes the engine
    // re-plan.
    const events: SetupEvent[] = [];
    let pushedByOther = false;
    const result = await runSetup(clientsFor(emu), creatingOptions(project), {
      onEvent: (e) => {
        events.push(e);
        if (e.type === "planned" && !pushedByOther) {
          pushedByOther = true;
          emu.commitFile(project, REPO, "main", "/OTHER.md", "other\n");
        }
      },
    });
    expect(result.replanned).toBe(true);
    expect(result.outcome).toBe("complete");
    const types = events.map((e) => e.type).filter((t) => !t.startsWith("step-"));
    expect(types).toEqual(["reading", "planned", "replanning", "reading", "planned"]);
  });
});
