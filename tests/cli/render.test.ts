// The renderers, in process: the live terminal display drawn into a model of a terminal screen
// (what a person would see at each moment and at the end), plain lines, the summary and the exit
// code.
import { ExitCode } from "../../src/cli/exitCodes";
import { PlainRenderer } from "../../src/cli/render/plain";
import { summaryLines } from "../../src/cli/render/summary";
import { TtyRenderer } from "../../src/cli/render/tty";
import { truncate, visibleLength } from "../../src/cli/render/style";
import { countStatuses, exitCodeFor, ProjectReport, RunReport } from "../../src/cli/report";
import { stripAnsi } from "./harness";
import { VirtualTerminal } from "./vterm";

const ORG = "https://dev.azure.com/acme/";

function ready(project: string): ProjectReport {
  return {
    project,
    status: "ready",
    workflowUrl: `https://dev.azure.com/acme/${project}`,
    checklist: [],
    steps: [],
    decisions: [],
    durationMs: 10,
  };
}

function failed(project: string): ProjectReport {
  return {
    project,
    status: "failed",
    checklist: [],
    decisions: [],
    durationMs: 10,
    steps: [
      {
        id: "create-pipeline",
        change: 'Create the pipeline "stackspot"',
        reason: "",
        state: "failed",
      },
    ],
    error: {
      message:
        'You are not allowed to create the pipeline: the "Edit build pipeline" permission is missing.',
      remedy: 'Ask a project administrator to grant you "Edit build pipeline".',
      kind: "PermissionDeniedError",
      permission: "Edit build pipeline",
    },
  };
}

function run(projects: ProjectReport[]): RunReport {
  return {
    command: "setup",
    organization: ORG,
    exitCode: exitCodeFor(projects),
    total: projects.length,
    counts: countStatuses(projects),
    durationMs: 4200,
    projects,
  };
}

describe("the live terminal display", () => {
  it("shows a line per project in flight and a progress bar, prints finished projects above, and ends with only the summary", () => {
    const term = new VirtualTerminal(120);
    let clock = 0;
    const r = new TtyRenderer(term, { intervalMs: 0, now: () => clock });
    r.start({
      command: "setup",
      organization: ORG,
      projects: ["Alpha", "Beta", "Gamma"],
      concurrency: 2,
    });
    r.event("Alpha", { type: "reading" });
    r.event("Beta", {
      type: "step-started",
      change: 'Create the Git repository "repo-runner-actions"',
    });
    clock = 1500;
    let screen = term.screen().map(stripAnsi);
    expect(screen[0]).toBe(`Setting up 3 projects in ${ORG} (2 at a time)`);
    expect(screen[1]).toMatch(/^ {2}\S Alpha {2}reading the project$/);
    expect(screen[2]).toMatch(/^ {2}\S Beta {3}Create the Git repository "repo-runner-actions"…$/);
    expect(screen[3]).toMatch(/^ {2}░{24} 0\/3 projects · 0 ready · 0\.0 s$/);
    expect(screen).toHaveLength(4);

    r.done(ready("Alpha"));
    screen = term.screen().map(stripAnsi);
    expect(screen[1]).toBe("Alpha: ✓ ready — Workflow URL: https://dev.azure.com/acme/Alpha");
    expect(screen[2]).toMatch(/Beta/);
    expect(screen[3]).toMatch(/^ {2}█{8}░{16} 1\/3 projects · 1 ready · 1\.5 s$/);
    expect(screen).toHaveLength(4);

    r.event("Gamma", { type: "reading" });
    r.done(failed("Beta"));
    r.done(ready("Gamma"));
    r.finish(run([ready("Alpha"), failed("Beta"), ready("Gamma")]));
    screen = term.screen().map(stripAnsi);
    // No spinner, no progress bar left: the finished lines, then the summary.
    expect(screen.some((l) => /░|█|⠋/.test(l))).toBe(false);
    expect(screen.slice(0, 6)).toEqual([
      `Setting up 3 projects in ${ORG} (2 at a time)`,
      "Alpha: ✓ ready — Workflow URL: https://dev.azure.com/acme/Alpha",
      "Beta: ✗ FAILED",
      '    error: You are not allowed to create the pipeline: the "Edit build pipeline" permission is missing.',
      '    what to do: Ask a project administrator to grant you "Edit build pipeline".',
      "Gamma: ✓ ready — Workflow URL: https://dev.azure.com/acme/Gamma",
    ]);
    expect(screen).toContain("PROJECT  RESULT    WORKFLOW URL / DETAIL");
    expect(screen).toContain("Alpha    ✓ ready   https://dev.azure.com/acme/Alpha");
    expect(screen).toContain("2 ready, 1 failed — 3 projects in 4.2 s");
    expect(screen).toContain("Failures (1):");
    // Colours were used on the terminal.
    expect(term.writes.join("")).toMatch(/\u001b\[32m/);
  });

  it("cuts live lines to the terminal's width so that erasing them leaves nothing behind", () => {
    const term = new VirtualTerminal(40);
    const r = new TtyRenderer(term, {
      intervalMs: 0,
      now: () => 0,
      style: { color: true, symbols: true },
    });
    r.start({
      command: "setup",
      organization: ORG,
      projects: ["A-project-with-a-long-name", "B"],
      concurrency: 2,
    });
    r.event("A-project-with-a-long-name", {
      type: "step-started",
      change: 'Allow the pipeline "stackspot" to use the agent queue "Azure Pipelines"',
    });
    r.event("B", { type: "reading" });
    const wrappedBefore = term.wrapped; // the header line may wrap; it is printed for good
    for (const line of term.screen().slice(-3)) expect(line.length).toBeLessThan(40);
    r.done(ready("B"));
    r.done(ready("A-project-with-a-long-name"));
    r.finish(run([ready("A-project-with-a-long-name"), ready("B")]));
    const screen = term.screen().map(stripAnsi);
    expect(screen.some((l) => /░|█|reading the project|Allow the pipeline/.test(l))).toBe(false);
    expect(wrappedBefore).toBeLessThanOrEqual(1);
  });

  it("shows at most ten projects in flight", () => {
    const term = new VirtualTerminal(80);
    const r = new TtyRenderer(term, { intervalMs: 0, now: () => 0 });
    const names = Array.from({ length: 14 }, (_, i) => `P${i}`);
    r.start({ command: "status", organization: ORG, projects: names, concurrency: 14 });
    for (const n of names) r.event(n, { type: "reading" });
    const screen = term.screen().map(stripAnsi);
    expect(screen.filter((l) => /reading the project/.test(l))).toHaveLength(10);
    expect(screen).toContain("    … and 4 more");
  });
});

describe("plain lines", () => {
  it("one fact per line, prefixed with the project, no escape codes, then the summary", () => {
    const out: string[] = [];
    const r = new PlainRenderer({ write: (s: string) => out.push(s) });
    r.start({ command: "setup", organization: ORG, projects: ["Alpha", "Beta"], concurrency: 8 });
    r.event("Alpha", {
      type: "step-done",
      change: "Create the repository",
      detail: 'Created the repository "repo-runner-actions".',
    });
    r.event("Beta", { type: "step-started", change: "not shown without --verbose" });
    r.done(ready("Alpha"));
    r.done(failed("Beta"));
    r.finish(run([ready("Alpha"), failed("Beta")]));
    const text = out.join("");
    expect(text).not.toMatch(/\u001b/);
    expect(text).not.toContain("not shown without --verbose");
    expect(text.split("\n").slice(0, 5)).toEqual([
      `Setting up 2 projects in ${ORG} (8 at a time)`,
      'Alpha: Created the repository "repo-runner-actions".',
      "[1/2] Alpha: ready — Workflow URL: https://dev.azure.com/acme/Alpha",
      "[2/2] Beta: FAILED",
      '    error: You are not allowed to create the pipeline: the "Edit build pipeline" permission is missing.',
    ]);
    expect(text).toContain("1 ready, 1 failed — 2 projects in 4.2 s");
  });
});

describe("summary and exit code", () => {
  it("cuts table rows to the width but never the failures", () => {
    const lines = summaryLines(run([failed("Beta")]), {
      style: { color: false, symbols: false },
      width: 50,
    }).map(stripAnsi);
    const row = lines.find((l) => l.startsWith("Beta "))!;
    expect(row.length).toBeLessThanOrEqual(49);
    expect(row.endsWith("…")).toBe(true);
    expect(lines).toContain(
      '  Beta: You are not allowed to create the pipeline: the "Edit build pipeline" permission is missing.',
    );
  });

  it("exit code: 1 when any failed or is blocked, else 3 when any is not ready, else 0", () => {
    const pending: ProjectReport = {
      ...ready("P"),
      status: "changes-pending",
      workflowUrl: undefined,
    };
    const blocked: ProjectReport = { ...ready("B"), status: "blocked", workflowUrl: undefined };
    expect(exitCodeFor([ready("A"), ready("B")])).toBe(ExitCode.Ready);
    expect(exitCodeFor([ready("A"), pending])).toBe(ExitCode.NotReady);
    expect(exitCodeFor([pending, failed("F")])).toBe(ExitCode.Failed);
    expect(exitCodeFor([ready("A"), blocked])).toBe(ExitCode.Failed);
    expect(exitCodeFor([])).toBe(ExitCode.Ready);
  });

  it("truncate keeps colour codes whole and counts only visible characters", () => {
    const coloured = `\u001b[32m${"x".repeat(30)}\u001b[0m`;
    const cut = truncate(coloured, 10);
    expect(visibleLength(cut)).toBe(10);
    expect(cut.startsWith("\u001b[32m")).toBe(true);
    expect(cut.endsWith("\u001b[0m")).toBe(true);
  });
});
