// A denied permission on each write: the set-up stops at that step with a message naming the
// permission and where it is granted, starts no further change, and completes on a second run once
// the permission is granted.
import { PermissionDeniedError } from "../../src/ado";
import { runSetup, SetupProgressEvent } from "../../src/setup";
import type { Emulator, Permission } from "../emulator/types";
import { clientsFor, CREDENTIALS, creatingOptions, expectContract, newEmulator } from "./harness";

let emu: Emulator;
beforeAll(async () => { emu = await newEmulator(); });
afterAll(async () => { await emu.stop(); });

interface Case {
  permission: Permission;
  step: string;
  named: RegExp;
  where: RegExp;
  /** Seeds the project so that the write is needed. */
  seed?: (project: string) => void;
  /** 403 answers expected: the denial, plus the branch policy's own refusal where there is one. */
  refusals?: number;
}

const cases: Case[] = [
  { permission: "CreateRepository", step: "create-repository", named: /"Create repository"/, where: /Repositories → Security/ },
  { permission: "GenericContribute", step: "write-file", named: /"Contribute"/, where: /the repository → Security/ },
  { permission: "EditBuildDefinition", step: "create-pipeline", named: /"Edit build pipeline"/, where: /Manage security/ },
  { permission: "CreateServiceEndpoint", step: "create-service-connection", named: /"Creator \(service connections\)"/, where: /Service connections → Security/ },
  {
    // The creator of a connection administers it, so the denial matters for someone else's connection.
    permission: "AdministerPipelinePermissions", step: "authorize-service-connection", named: /"Administrator \(on the service connection\)"/, where: /the connection → Security/,
    seed: (project) => void emu.addServiceEndpoint(project, { name: "stackspot", type: "stackspot", scheme: "UsernamePassword", parameters: { username: CREDENTIALS.clientId, password: CREDENTIALS.clientKey }, data: { realm: CREDENTIALS.realm } }),
  },
  {
    permission: "EditBuildDefinition", step: "update-pipeline", named: /"Edit build pipeline"/, where: /Manage security/,
    seed: (project) => {
      emu.addRepository(project, "repo-runner-actions", { files: {} });
      emu.addDefinition(project, { name: "old name", repository: "repo-runner-actions", yamlFilename: "/stackspot.yml" });
    },
  },
  {
    permission: "PullRequestContribute", step: "write-file", named: /"Contribute to pull requests"/, where: /the repository → Security/, refusals: 2,
    seed: (project) => {
      emu.addRepository(project, "repo-runner-actions", { files: { "/README.md": "x\n" } });
      emu.protectBranch(project, "repo-runner-actions", "main");
    },
  },
];

it.each(cases.map((c, i) => [`${c.permission} (${c.step})`, i] as const))("denied %s", async (_label, index) => {
  const c = cases[index];
  const project = `Denied${index}`;
  emu.addProject(project);
  c.seed?.(project);
  const options = creatingOptions(project, { credentials: { kind: "service-connection", name: "stackspot", create: CREDENTIALS } });
  emu.deny(c.permission);
  emu.clearRequests();
  const events: SetupProgressEvent[] = [];
  try {
    const result = await runSetup(clientsFor(emu), options, { onProgress: (e) => events.push(e) });
    expect(result.outcome).toBe("failed");
    const failure = result.failure!;
    expect(failure.step.kind).toBe(c.step);
    expect(failure.error).toBeInstanceOf(PermissionDeniedError);
    expect(failure.message).toMatch(c.named);
    expect(failure.remedy).toMatch(c.named);
    expect(failure.remedy).toMatch(c.where);
    expect(emu.requests.filter((r) => r.write && r.status === 403)).toHaveLength(c.refusals ?? 1);
    // Once the denial is known, no further step starts (steps already in flight finish).
    const failedAt = events.findIndex((e) => e.type === "step-failed");
    expect(events.slice(failedAt + 1).filter((e) => e.type === "step-started")).toEqual([]);
    // Nothing of the denied object exists, and whatever was done is whole: the second run completes it.
    // No secret in what the user is shown.
    expect(JSON.stringify([failure.message, failure.remedy, result.plan, events.map((e) => ({ ...e, error: undefined }))])).not.toContain(CREDENTIALS.clientKey);
  } finally {
    emu.allow(c.permission);
  }
  const again = await runSetup(clientsFor(emu), options);
  if (c.permission === "PullRequestContribute") {
    expect(again.outcome).toBe("waiting-for-pull-request");
    expect(emu.listPullRequests(project, "repo-runner-actions")).toHaveLength(1);
  } else {
    expect(again.failure?.message).toBeUndefined();
    expect(again.outcome).toBe("complete");
    expectContract(emu, project, options);
  }
});
