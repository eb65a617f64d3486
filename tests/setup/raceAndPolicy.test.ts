// Two set-ups racing on one project; branch policies that refuse direct pushes.
import { planSetup, readProjectState, renderPipelineFile, runSetup } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { clientsFor, creatingOptions, expectContract, useEmulator, writes } from "./harness";

const emu: Emulator = useEmulator();

describe("two set-ups racing", () => {
  it.each([0, 5, 15])(
    "end with one repository, one pipeline, one commit, one connection (latency %i ms)",
    async (latency) => {
      const project = `Race${latency}`;
      emu.addProject(project);
      emu.setLatency(latency);
      emu.clearRequests();
      try {
        const options = creatingOptions(project);
        const [a, b] = await Promise.all([
          runSetup(clientsFor(emu), options),
          runSetup(clientsFor(emu), options),
        ]);
        expect([a.failure?.message, b.failure?.message]).toEqual([undefined, undefined]);
        expect([a.outcome, b.outcome]).toEqual(["complete", "complete"]);
        expectContract(emu, project, options);
        expect(emu.listRepositories(project)).toHaveLength(1);
        expect(emu.listDefinitions(project)).toHaveLength(1);
        expect(emu.listCommits(project, "repo-runner-actions", "main")).toHaveLength(1);
        expect(emu.listServiceEndpoints(project)).toHaveLength(1);
        // They did race: some creates were refused as conflicts and resolved by re-reading.
        const refused = emu.requests
          .filter((r) => r.write && (r.status === 409 || r.status === 400))
          .map((r) => `${r.method} ${r.path.replace(/^.*_apis\//, "")} ${r.status}`);
        console.log(
          `race at ${latency} ms: ${refused.join(", ") || "no conflicting write"}; ` +
            `replanned: ${a.replanned}, ${b.replanned}`,
        );
        expect(refused.length).toBeGreaterThan(0);
      } finally {
        emu.setLatency(0);
      }
    },
  );
});

describe("branch policies", () => {
  it(
    "a protected branch gets one pull request, " + "reported; a second run opens no other",
    async () => {
      const project = "Protected";
      emu.addProject(project);
      emu.addRepository(project, "repo-runner-actions", { files: { "/README.md": "x\n" } });
      emu.protectBranch(project, "repo-runner-actions", "main");
      const options = creatingOptions(project);

      const first = await runSetup(clientsFor(emu), options);
      expect(first.failure).toBeUndefined();
      expect(first.outcome).toBe("waiting-for-pull-request");
      const prs = emu.listPullRequests(project, "repo-runner-actions");
      expect(prs).toHaveLength(1);
      expect(prs[0]).toMatchObject({
        sourceRefName: "refs/heads/stackspot/setup",
        targetRefName: "refs/heads/main",
        status: "active",
      });
      expect(first.pullRequest?.id).toBe(prs[0].pullRequestId);
      const webLink = `${emu.orgUrl}${project}/_git/repo-runner-actions/pullrequest/${prs[0].pullRequestId}`;
      expect(first.pullRequest?.url).toBe(webLink);
      expect(emu.getFile(project, "repo-runner-actions", "stackspot/setup", "/stackspot.yml")).toBe(
        renderPipelineFile(options),
      );
      expect(emu.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBeUndefined();
      // Everything else is in place already.
      expect(emu.listDefinitions(project).map((d) => d.name)).toEqual(["stackspot"]);

      const plan = planSetup(await readProjectState(clientsFor(emu), options), options);
      expect(plan.checklist.find((i) => i.key === "pipelineFile")).toMatchObject({
        state: "waiting-for-pull-request",
        link: webLink,
      });
      expect(plan.steps).toEqual([]);

      emu.clearRequests();
      const second = await runSetup(clientsFor(emu), options);
      expect(second.outcome).toBe("waiting-for-pull-request");
      expect(second.pullRequest?.id).toBe(prs[0].pullRequestId);
      expect(writes(emu.requests)).toEqual([]);
      expect(emu.listPullRequests(project, "repo-runner-actions")).toHaveLength(1);
    },
  );

  it(
    "a topic branch left from before is reused (its commit kept in " +
      "history), and completing the pull request completes the set-up",
    async () => {
      const project = "Protected2";
      emu.addProject(project);
      emu.addRepository(project, "repo-runner-actions", { files: { "/README.md": "x\n" } });
      emu.protectBranch(project, "repo-runner-actions", "main");
      const leftover = emu.commitFile(
        project,
        "repo-runner-actions",
        "stackspot/setup",
        "/stackspot.yml",
        "left by someone\n",
      );
      const options = creatingOptions(project);
      const first = await runSetup(clientsFor(emu), options);
      expect(first.outcome).toBe("waiting-for-pull-request");
      expect(emu.getFile(project, "repo-runner-actions", "stackspot/setup", "/stackspot.yml")).toBe(
        renderPipelineFile(options),
      );
      expect(
        emu.listCommits(project, "repo-runner-actions", "stackspot/setup").map((c) => c.commitId),
      ).toContain(leftover);
      const prs = emu.listPullRequests(project, "repo-runner-actions");
      expect(prs).toHaveLength(1);

      emu.completePullRequest(project, "repo-runner-actions", prs[0].pullRequestId);
      const after = await runSetup(clientsFor(emu), options);
      expect(after.outcome).toBe("complete");
      expectContract(emu, project, options);
    },
  );
});
