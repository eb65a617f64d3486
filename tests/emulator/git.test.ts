// git through the real GitRestClient: repositories, items, refs, pushes, pull requests, policies.
import {
  GitVersionType,
  ItemContentType,
  VersionControlChangeType,
  type GitPush,
} from "azure-devops-extension-api/Git";
import { useEmulator } from "./useEmulator";
import { clientAccept, clientsFor, failure, rawFetch } from "./clients";

const ZERO = "0000000000000000000000000000000000000000";
const emu = useEmulator({ scope: "each" });
let git: ReturnType<typeof clientsFor>["git"];

beforeEach(() => {
  emu.addProject("Demo");
  emu.addRepository("Demo", "app", {
    files: { "/README.md": "hello\n", "/src/main.ts": "export {};\n" },
  });
  git = clientsFor(emu).git;
});

function push(
  branch: string,
  oldObjectId: string,
  changes: { type: VersionControlChangeType; path: string; content?: string }[],
): GitPush {
  return {
    refUpdates: [{ name: `refs/heads/${branch}`, oldObjectId }],
    commits: [
      {
        comment: "change",
        changes: changes.map((c) => ({
          changeType: c.type,
          item: { path: c.path },
          ...(c.content === undefined
            ? {}
            : { newContent: { content: c.content, contentType: ItemContentType.RawText } }),
        })),
      },
    ],
  } as unknown as GitPush;
}

describe("repositories", () => {
  it("lists, gets by name or id, and creates", async () => {
    const created = await git.createRepository({ name: "repo-runner-actions" } as never, "Demo");
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.defaultBranch).toBeUndefined(); // empty until the first push
    const names = (await git.getRepositories("Demo")).map((r) => r.name);
    expect(names).toEqual(["app", "repo-runner-actions"]);
    expect((await git.getRepository("REPO-runner-actions", "Demo")).id).toBe(created.id);
    // organization-level by id
    expect((await git.getRepository(created.id)).name).toBe("repo-runner-actions");
    const app = await git.getRepository("app", "Demo");
    expect(app.defaultBranch).toBe("refs/heads/main");
    expect(app.project.name).toBe("Demo");
  });

  it("refuses a duplicate name (409 TF400948) and a missing repository (404 TF401019)", async () => {
    const dup = await failure(git.createRepository({ name: "APP" } as never, "Demo"));
    expect(dup.status).toBe(409);
    expect(dup.message).toBe("TF400948: A Git repository with the name APP already exists.");
    const missing = await failure(git.getRepository("ghost", "Demo"));
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(
      /^TF401019: The Git repository with name or identifier ghost does not exist/,
    );
  });

  it("applies the permission model: CreateRepository → 403, ReadRepository → hidden", async () => {
    emu.deny("CreateRepository");
    const denied = await failure(git.createRepository({ name: "x" } as never, "Demo"));
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(
      /^TF401027: You need the Git 'CreateRepository' permission to perform this action\./,
    );
    emu.deny("ReadRepository");
    expect((await git.getRepositories("Demo")).length).toBe(0);
    expect((await failure(git.getRepository("app", "Demo"))).status).toBe(404);
  });
});

describe("items", () => {
  const atMain = { version: "main", versionType: GitVersionType.Branch, versionOptions: 0 };

  it("returns metadata and content as JSON, and raw text", async () => {
    const item = await git.getItem(
      "app",
      "/README.md",
      "Demo",
      undefined,
      undefined,
      true,
      undefined,
      undefined,
      atMain,
      true,
    );
    expect(item.content).toBe("hello\n");
    expect(item.objectId).toMatch(/^[0-9a-f]{40}$/);
    expect(item.commitId).toBe(emu.listCommits("Demo", "app", "main")[0].commitId);
    expect(item.gitObjectType).toBe(3); // blob, as a number under enumsAsNumbers
    const text = await git.getItemText(
      "app",
      "/src/main.ts",
      "Demo",
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      atMain,
    );
    expect(text).toBe("export {};\n");
    const noContent = await git.getItem("app", "/README.md", "Demo");
    expect(noContent.content).toBeUndefined();
  });

  it("honours $format and the octet-stream form", async () => {
    const base =
      "/demo-org/Demo/_apis/git/repositories/app/items?path=%2FREADME.md&versionDescriptor.version=main&versionDescriptor.versionType=branch";
    const asText = await rawFetch(emu, "GET", base + "&$format=text");
    expect(asText.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(asText.text).toBe("hello\n");
    const asJson = await rawFetch(
      emu,
      "GET",
      base + "&$format=json&includeContent=true&includeContentMetadata=true",
      { accept: clientAccept("7.2-preview.1", "text/plain") },
    );
    expect(asJson.json).toMatchObject({
      path: "/README.md",
      content: "hello\n",
      contentMetadata: { fileName: "README.md" },
    });
    const bytes = await git.getItemContent("app", "/README.md", "Demo");
    expect(Buffer.from(bytes).toString("utf8")).toBe("hello\n");
  });

  it("answers 404 TF401174 for a missing file and TF401175 for a missing branch", async () => {
    const missing = await failure(
      git.getItem(
        "app",
        "/stackspot.yml",
        "Demo",
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        atMain,
      ),
    );
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(
      /^TF401174: The item '\/stackspot.yml' could not be found in the repository 'app'/,
    );
    const branch = await failure(
      git.getItem(
        "app",
        "/README.md",
        "Demo",
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        { ...atMain, version: "nope" },
      ),
    );
    expect(branch.status).toBe(404);
    expect(branch.serverError?.typeKey).toBe("GitUnresolvableToCommitException");
  });

  it("lists a folder one level or fully", async () => {
    const one = await git.getItems("app", "Demo", "/", 1 as never);
    expect(one.map((i) => i.path)).toEqual(["/", "/src", "/README.md"]);
    const full = await git.getItems("app", "Demo", "/", 120 as never);
    expect(full.map((i) => i.path)).toEqual(["/", "/src", "/README.md", "/src/main.ts"]);
  });
});

describe("refs and pushes", () => {
  it("lists refs with a filter", async () => {
    emu.commitFile("Demo", "app", "feature/x", "/a.txt", "a");
    const all = await git.getRefs("app", "Demo");
    expect(all.map((r) => r.name)).toEqual(["refs/heads/feature/x", "refs/heads/main"]);
    const main = await git.getRefs("app", "Demo", "heads/main");
    expect(main.map((r) => r.name)).toEqual(["refs/heads/main"]);
    expect(main[0].objectId).toBe(emu.listCommits("Demo", "app", "main")[0].commitId);
  });

  it("creates, moves and deletes refs with updateRefs, reporting stale and policy-blocked updates per ref", async () => {
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    const [created] = await git.updateRefs(
      [{ name: "refs/heads/topic", oldObjectId: ZERO, newObjectId: head }] as never,
      "app",
      "Demo",
    );
    expect(created).toMatchObject({ name: "refs/heads/topic", success: true, updateStatus: 0 });
    const [stale] = await git.updateRefs(
      [{ name: "refs/heads/topic", oldObjectId: ZERO, newObjectId: head }] as never,
      "app",
      "Demo",
    );
    expect(stale).toMatchObject({ success: false, updateStatus: 2 });
    emu.protectBranch("Demo", "app", "main");
    const [blocked] = await git.updateRefs(
      [{ name: "refs/heads/main", oldObjectId: head, newObjectId: ZERO }] as never,
      "app",
      "Demo",
    );
    expect(blocked).toMatchObject({ success: false, updateStatus: 13 });
    const [deleted] = await git.updateRefs(
      [{ name: "refs/heads/topic", oldObjectId: head, newObjectId: ZERO }] as never,
      "app",
      "Demo",
    );
    expect(deleted.success).toBe(true);
    expect(emu.listBranches("Demo", "app")).toEqual(["main"]);
  });

  it("adds and edits files; every commit gets a new object id", async () => {
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    const added = await git.createPush(
      push("main", head, [
        { type: VersionControlChangeType.Add, path: "/stackspot.yml", content: "trigger: none\n" },
      ]),
      "app",
      "Demo",
    );
    const first = added.refUpdates[0].newObjectId;
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(first).not.toBe(head);
    expect(added.commits[0].parents).toEqual([head]);
    const edited = await git.createPush(
      push("main", first, [
        {
          type: VersionControlChangeType.Edit,
          path: "/stackspot.yml",
          content: "trigger: none\npr: none\n",
        },
      ]),
      "app",
      "Demo",
    );
    expect(edited.refUpdates[0].newObjectId).not.toBe(first);
    expect(emu.getFile("Demo", "app", "main", "/stackspot.yml")).toBe("trigger: none\npr: none\n");
    expect(emu.listCommits("Demo", "app", "main").length).toBe(3);
  });

  it("rejects a stale oldObjectId with 409 TF401028 and changes nothing", async () => {
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    emu.commitFile("Demo", "app", "main", "/other.txt", "someone else was faster");
    const stale = await failure(
      git.createPush(
        push("main", head, [{ type: VersionControlChangeType.Add, path: "/x.txt", content: "x" }]),
        "app",
        "Demo",
      ),
    );
    expect(stale.status).toBe(409);
    expect(stale.serverError?.typeKey).toBe("GitReferenceStaleException");
    expect(stale.message).toBe(
      "TF401028: The reference 'refs/heads/main' has already been updated by another client, so you cannot update it. Please try again.",
    );
    expect(emu.getFile("Demo", "app", "main", "/x.txt")).toBeUndefined();
  });

  it("refuses to add a path that exists and to edit one that does not (400)", async () => {
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    const exists = await failure(
      git.createPush(
        push("main", head, [
          { type: VersionControlChangeType.Add, path: "/README.md", content: "x" },
        ]),
        "app",
        "Demo",
      ),
    );
    expect(exists.status).toBe(400);
    expect(exists.message).toContain("already exists");
    const absent = await failure(
      git.createPush(
        push("main", head, [
          { type: VersionControlChangeType.Edit, path: "/nope.md", content: "x" },
        ]),
        "app",
        "Demo",
      ),
    );
    expect(absent.status).toBe(400);
    expect(emu.listCommits("Demo", "app", "main")[0].commitId).toBe(head);
  });

  it("creates a branch from a base commit, and the first push of an empty repository sets its default branch", async () => {
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    const topic = await git.createPush(
      push("stackspot/setup", head, [
        { type: VersionControlChangeType.Add, path: "/stackspot.yml", content: "y" },
      ]),
      "app",
      "Demo",
    );
    expect(topic.refUpdates[0].oldObjectId).toBe(ZERO);
    expect(emu.listBranches("Demo", "app")).toEqual(["main", "stackspot/setup"]);
    emu.addRepository("Demo", "empty", { defaultBranch: null });
    await git.createPush(
      push("main", ZERO, [
        { type: VersionControlChangeType.Add, path: "/stackspot.yml", content: "z" },
      ]),
      "empty",
      "Demo",
    );
    expect((await git.getRepository("empty", "Demo")).defaultBranch).toBe("refs/heads/main");
  });

  it("denies pushes without GenericContribute (403 TF401027)", async () => {
    emu.deny("GenericContribute");
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    const denied = await failure(
      git.createPush(
        push("main", head, [{ type: VersionControlChangeType.Add, path: "/x", content: "x" }]),
        "app",
        "Demo",
      ),
    );
    expect(denied.status).toBe(403);
    expect(denied.message).toMatch(/^TF401027: You need the Git 'GenericContribute' permission/);
  });
});

describe("branch policies and pull requests", () => {
  it("rejects direct pushes to a protected branch (403 TF402455) but takes a topic branch and a pull request", async () => {
    emu.protectBranch("Demo", "app", "main");
    const head = emu.listCommits("Demo", "app", "main")[0].commitId;
    const direct = await failure(
      git.createPush(
        push("main", head, [
          { type: VersionControlChangeType.Add, path: "/stackspot.yml", content: "y" },
        ]),
        "app",
        "Demo",
      ),
    );
    expect(direct.status).toBe(403);
    expect(direct.serverError?.typeKey).toBe("GitRefUpdateRejectedByPolicyException");
    expect(direct.message).toMatch(/^TF402455: Pushes to this branch are not permitted/);

    await git.createPush(
      push("stackspot/setup", head, [
        { type: VersionControlChangeType.Add, path: "/stackspot.yml", content: "y" },
      ]),
      "app",
      "Demo",
    );
    const pr = await git.createPullRequest(
      {
        sourceRefName: "refs/heads/stackspot/setup",
        targetRefName: "refs/heads/main",
        title: "Set up StackSpot",
      } as never,
      "app",
      "Demo",
    );
    expect(pr.pullRequestId).toBeGreaterThan(0);
    expect(pr.status).toBe(1); // active
    expect((await git.getPullRequest("app", pr.pullRequestId, "Demo")).title).toBe(
      "Set up StackSpot",
    );
    const found = await git.getPullRequests(
      "app",
      {
        sourceRefName: "refs/heads/stackspot/setup",
        targetRefName: "refs/heads/main",
        status: 1,
      } as never,
      "Demo",
    );
    expect(found.map((p) => p.pullRequestId)).toEqual([pr.pullRequestId]);
    const none = await git.getPullRequests(
      "app",
      { sourceRefName: "refs/heads/other" } as never,
      "Demo",
    );
    expect(none.length).toBe(0);
    expect((await git.getPullRequestsByProject("Demo", {} as never)).length).toBe(1);
    expect(emu.listPullRequests("Demo", "app")).toEqual([
      expect.objectContaining({ title: "Set up StackSpot", status: "active" }),
    ]);

    const again = await failure(
      git.createPullRequest(
        {
          sourceRefName: "refs/heads/stackspot/setup",
          targetRefName: "refs/heads/main",
          title: "again",
        } as never,
        "app",
        "Demo",
      ),
    );
    expect(again.status).toBe(409);
    expect(again.message).toMatch(/^TF401179:/);

    // A reviewer completes it: the file reaches the protected branch, and the pull request is no
    // longer active.
    emu.commitFile("Demo", "app", "main", "/meanwhile.txt", "kept");
    const merged = emu.completePullRequest("Demo", "app", pr.pullRequestId);
    expect(emu.listCommits("Demo", "app", "main")[0].commitId).toBe(merged);
    expect(emu.getFile("Demo", "app", "main", "/stackspot.yml")).toBe("y");
    expect(emu.getFile("Demo", "app", "main", "/meanwhile.txt")).toBe("kept");
    expect((await git.getPullRequest("app", pr.pullRequestId, "Demo")).status).toBe(3); // completed
    // default: active only
    expect((await git.getPullRequests("app", {} as never, "Demo")).length).toBe(0);
  });

  it("refuses a pull request from a branch that does not exist, or without PullRequestContribute", async () => {
    const missing = await failure(
      git.createPullRequest(
        { sourceRefName: "refs/heads/nope", targetRefName: "refs/heads/main", title: "t" } as never,
        "app",
        "Demo",
      ),
    );
    expect(missing.status).toBe(400);
    emu.commitFile("Demo", "app", "topic", "/t.txt", "t");
    emu.deny("PullRequestContribute");
    const denied = await failure(
      git.createPullRequest(
        {
          sourceRefName: "refs/heads/topic",
          targetRefName: "refs/heads/main",
          title: "t",
        } as never,
        "app",
        "Demo",
      ),
    );
    expect(denied.status).toBe(403);
  });
});
