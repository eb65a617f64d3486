// Unit tests of the contract checker on hand-built requests and responses.
import * as path from "path";
import { performance } from "perf_hooks";
import type { ContractViolation } from "../emulator/types";
import { createContractChecker } from "./checker";
import { DEFAULT_SPECS_DIR } from "./spec-index";

const checker = createContractChecker();
const ORG = "/demo-org/Demo/_apis";
const REPO = "4f3a2b1c-0d9e-4c8b-a7f6-112233445566";
/** The Accept header azure-devops-extension-api sends. */
const clientAccept = (v: string, type = "application/json") =>
  `${type};api-version=${v};excludeUrls=true;enumsAsNumbers=true;msDateFormat=true;noArrayWrap=true`;

function req(
  method: string,
  path: string,
  opts: { v?: string; accept?: string; query?: Record<string, string>; body?: unknown } = {},
) {
  const headers: Record<string, string> = {};
  if (opts.accept !== undefined) headers.accept = opts.accept;
  else if (opts.v !== undefined) headers.accept = clientAccept(opts.v);
  if (opts.body !== undefined) headers["content-type"] = "application/json; charset=utf-8";
  return { method, path, query: opts.query ?? {}, headers, body: opts.body };
}
const messages = (vs: ContractViolation[]) => vs.map((v) => v.message);

const goodPush = {
  refUpdates: [{ name: "refs/heads/main", oldObjectId: "0".repeat(40) }],
  commits: [
    {
      comment: "Add stackspot.yml",
      changes: [
        {
          changeType: 1,
          item: { path: "/stackspot.yml" },
          newContent: { content: "trigger: none", contentType: 0 },
        },
      ],
    },
  ],
};
const pushReq = (body: unknown) =>
  req("POST", `${ORG}/git/repositories/${REPO}/pushes`, { v: "7.2-preview.3", body });

const goodDefinition = {
  name: "stackspot",
  path: "\\",
  process: { type: 2, yamlFilename: "/stackspot.yml" },
  repository: {
    id: REPO,
    name: "repo-runner-actions",
    type: "TfsGit",
    defaultBranch: "refs/heads/main",
  },
  queue: { id: 7 },
  variables: { secret_cli_login: { value: "", isSecret: true, allowOverride: true } },
};
const defReq = (body: unknown) =>
  req("POST", `${ORG}/build/definitions`, { v: "7.2-preview.8", body });

describe("requests", () => {
  it("accepts well-formed client requests", () => {
    expect(messages(checker.checkRequest(pushReq(goodPush)))).toEqual([]);
    expect(messages(checker.checkRequest(defReq(goodDefinition)))).toEqual([]);
    // Names in any case are accepted on the way in, as the service's JSON reader does.
    const named = {
      ...goodPush,
      commits: [
        {
          changes: [
            {
              changeType: "add",
              item: { path: "/a" },
              newContent: { content: "x", contentType: "rawtext" },
            },
          ],
        },
      ],
    };
    expect(messages(checker.checkRequest(pushReq(named)))).toEqual([]);
    const item = req("GET", `/demo-org/Demo/_apis/git/Repositories/${REPO}/Items`, {
      v: "7.2-preview.1",
      query: {
        path: "/stackspot.yml",
        "versionDescriptor.version": "main",
        "versionDescriptor.versionType": "0",
        includeContent: "true",
      },
    });
    expect(messages(checker.checkRequest(item))).toEqual([]);
    expect(checker.operationFor(item)?.operationId).toBe("Items_Get");
  });

  it("takes the api-version from the query as well", () => {
    const r = req("GET", `${ORG}/git/repositories`, {
      accept: "application/json",
      query: { "api-version": "7.1" },
    });
    expect(messages(checker.checkRequest(r))).toEqual([]);
    expect(checker.operationFor(r)?.doc.version).toBe("7.1");
  });

  it("catches a push whose refUpdates is an object", () => {
    const bad = {
      ...goodPush,
      refUpdates: { name: "refs/heads/main", oldObjectId: "0".repeat(40) },
    };
    expect(messages(checker.checkRequest(pushReq(bad)))).toEqual(
      expect.arrayContaining([expect.stringContaining("body/refUpdates must be array")]),
    );
  });

  it("catches a definition whose process is a string", () => {
    const bad = { ...goodDefinition, process: "/stackspot.yml" };
    expect(messages(checker.checkRequest(defReq(bad)))).toEqual(
      expect.arrayContaining([expect.stringContaining("body/process must be object")]),
    );
  });

  it("catches wrong nesting and misspelled fields as undeclared properties", () => {
    const nested = { refUpdates: goodPush.refUpdates, changes: goodPush.commits[0].changes };
    const m = messages(checker.checkRequest(pushReq(nested)));
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringContaining('has property "changes" that the spec does not declare'),
      ]),
    );
    const misspelled = {
      ...goodDefinition,
      variables: { x: { value: "", isSecret: true, allowOverrides: true } },
    };
    expect(messages(checker.checkRequest(defReq(misspelled)))).toEqual(
      expect.arrayContaining([
        expect.stringContaining('body/variables/x has property "allowOverrides"'),
      ]),
    );
  });

  it("catches fields the service requires", () => {
    const m = messages(checker.checkRequest(pushReq({ commits: goodPush.commits })));
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringContaining("body.refUpdates is required by the service"),
      ]),
    );
    const noPath = {
      ...goodPush,
      commits: [
        { changes: [{ changeType: 1, item: {}, newContent: { content: "x", contentType: 0 } }] },
      ],
    };
    expect(messages(checker.checkRequest(pushReq(noPath)))).toEqual(
      expect.arrayContaining([
        expect.stringContaining("body.commits[0].changes[0].item.path is required"),
      ]),
    );
    expect(messages(checker.checkRequest(defReq({ name: "x" })))).toEqual(
      expect.arrayContaining([expect.stringContaining("body.process is required")]),
    );
  });

  it("catches wrong scalar types, enums and formats in bodies", () => {
    const m = messages(
      checker.checkRequest(
        defReq({
          ...goodDefinition,
          queue: { id: "seven" },
          repository: { ...goodDefinition.repository, id: 12 },
        }),
      ),
    );
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringContaining("body/queue/id must be integer"),
        expect.stringContaining("body/repository/id must be string"),
      ]),
    );
    const badEnum = {
      ...goodPush,
      commits: [{ changes: [{ changeType: "copy", item: { path: "/a" } }] }],
    };
    expect(messages(checker.checkRequest(pushReq(badEnum)))).toEqual(
      expect.arrayContaining([expect.stringContaining("changeType must be one of")]),
    );
    const badUuid = { name: "r", project: { id: "not-a-guid" } };
    const r = req("POST", `${ORG}/git/repositories`, { v: "7.2-preview.2", body: badUuid });
    expect(messages(checker.checkRequest(r))).toEqual(
      expect.arrayContaining([expect.stringContaining('body/project/id must match format "uuid"')]),
    );
  });

  it("never quotes body values in its messages (bodies carry secrets)", () => {
    const secret = "s3cr3t-Cl13nt-K3y";
    const badDef = {
      ...goodDefinition,
      process: 2,
      variables: {
        secret_cli_login: { value: secret, isSecret: "yes", allowOverride: true, extra: secret },
      },
    };
    const notJson = {
      ...defReq(undefined),
      headers: { accept: clientAccept("7.2-preview.8"), "content-type": "application/json" },
      body: `{"name": "${secret}"`,
    };
    const all = [
      ...messages(checker.checkRequest(defReq(badDef))),
      ...messages(checker.checkRequest(notJson)),
    ];
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(all.filter((m) => m.includes(secret))).toEqual([]);
    const text = req("GET", `${ORG}/git/repositories/${REPO}`, { v: "7.2-preview.2" });
    expect(
      messages(checker.checkResponse(text, 200, `{"token":"${secret}"`)).join("\n"),
    ).not.toContain(secret);
  });

  it("catches a missing body, a body where none is taken, and a missing Content-Type", () => {
    expect(messages(checker.checkRequest(pushReq(undefined)))).toEqual([
      expect.stringContaining("a request body is required"),
    ]);
    expect(
      messages(
        checker.checkRequest(
          req("GET", `${ORG}/git/repositories`, { v: "7.2-preview.2", body: { a: 1 } }),
        ),
      ),
    ).toEqual([expect.stringContaining("takes no request body")]);
    const noType = { ...pushReq(goodPush), headers: { accept: clientAccept("7.2-preview.3") } };
    expect(messages(checker.checkRequest(noType))).toEqual([
      expect.stringContaining("needs a Content-Type"),
    ]);
  });

  it("catches an unknown route and a wrong method", () => {
    expect(
      messages(checker.checkRequest(req("GET", `${ORG}/git/repositoriez`, { v: "7.2-preview.2" }))),
    ).toEqual([expect.stringContaining("no operation in the 7.2 specs matches GET")]);
    expect(
      messages(checker.checkRequest(req("DELETE", `${ORG}/pipelines/3`, { v: "7.2-preview.1" }))),
    ).toEqual([expect.stringContaining("the path exists for GET")]);
  });

  it("skips only the Location routes, which the specs do not cover", () => {
    expect(
      checker.checkRequest(
        req("GET", "/demo-org/_apis/ResourceAreas/4e080c62-fa21-4fbc-8fef-2a10a2b38049", {
          v: "7.2-preview.1",
        }),
      ),
    ).toEqual([]);
    expect(
      checker.checkRequest(req("GET", "/demo-org/_apis/connectionData", { v: "7.2-preview.1" })),
    ).toEqual([]);
    expect(
      messages(
        checker.checkRequest(
          req("GET", "/demo-org/_apis/ResourceAreas/x/y", { v: "7.2-preview.1" }),
        ),
      ),
    ).toEqual([expect.stringContaining("no operation")]);
  });

  it("catches missing, unknown and non-preview api-versions", () => {
    const path = `${ORG}/git/repositories`;
    expect(
      messages(checker.checkRequest(req("GET", path, { accept: "application/json" }))),
    ).toEqual([expect.stringContaining("no api-version")]);
    expect(messages(checker.checkRequest(req("GET", path, { v: "6.0" })))).toEqual([
      expect.stringContaining("not covered by the specs"),
    ]);
    expect(messages(checker.checkRequest(req("GET", path, { v: "7.2" })))).toEqual([
      expect.stringContaining("exists only as a preview"),
    ]);
    expect(messages(checker.checkRequest(req("GET", path, { v: "seven" })))).toEqual([
      expect.stringContaining("is not a version"),
    ]);
    // Pipeline permissions are preview.1 even at 7.1; and a resource version above the spec's is
    // refused.
    const perm = `${ORG}/pipelines/pipelinePermissions/endpoint/${REPO}`;
    expect(messages(checker.checkRequest(req("GET", perm, { v: "7.1" })))).toEqual([
      expect.stringContaining("send 7.1-preview.1"),
    ]);
    expect(messages(checker.checkRequest(req("GET", perm, { v: "7.1-preview.1" })))).toEqual([]);
    expect(messages(checker.checkRequest(req("GET", perm, { v: "7.2-preview.2" })))).toEqual([
      expect.stringContaining("above the spec's 7.2-preview.1"),
    ]);
  });

  it("checks query parameters: required, typed, declared", () => {
    const path = `${ORG}/build/definitions`;
    const ok = req("GET", path, {
      v: "7.2-preview.8",
      query: { name: "stackspot", $top: "50", queryOrder: "1", includeAllProperties: "True" },
    });
    expect(messages(checker.checkRequest(ok))).toEqual([]);
    const bad = req("GET", path, {
      v: "7.2-preview.8",
      query: { $top: "many", queryOrder: "sideways", includeAllProperties: "yes", colour: "red" },
    });
    expect(messages(checker.checkRequest(bad))).toEqual(
      expect.arrayContaining([
        expect.stringContaining('$top="many" must be an integer'),
        expect.stringContaining('queryOrder="sideways" must be one of'),
        expect.stringContaining('includeAllProperties="yes" must be true or false'),
        expect.stringContaining('"colour" is not declared'),
      ]),
    );
    const pathParam = req("GET", `${ORG}/pipelines/abc`, { v: "7.2-preview.1" });
    expect(messages(checker.checkRequest(pathParam))).toEqual([
      expect.stringContaining('pipelineId="abc" must be an integer'),
    ]);
  });
});

describe("responses", () => {
  const getRepo = req("GET", `${ORG}/git/repositories/${REPO}`, { v: "7.2-preview.2" });
  const listRepos = req("GET", `${ORG}/git/repositories`, { v: "7.2-preview.2" });
  const listReposWrapped = req("GET", `${ORG}/git/repositories`, {
    accept: "application/json;api-version=7.1",
  });
  const repo = {
    id: REPO,
    name: "repo-runner-actions",
    project: { id: REPO, name: "Demo", state: 1 },
    defaultBranch: "refs/heads/main",
    size: 0,
  };

  it("accepts declared shapes, bare under noArrayWrap and wrapped otherwise", () => {
    expect(messages(checker.checkResponse(getRepo, 200, repo))).toEqual([]);
    expect(messages(checker.checkResponse(listRepos, 200, [repo]))).toEqual([]);
    const named = { ...repo, project: { ...repo.project, state: "wellFormed" } };
    expect(
      messages(checker.checkResponse(listReposWrapped, 200, { count: 1, value: [named] })),
    ).toEqual([]);
    expect(messages(checker.checkResponse(getRepo, 200, JSON.stringify(repo)))).toEqual([]);
  });

  it("catches a repository id that is a number, and wrong nesting", () => {
    expect(messages(checker.checkResponse(getRepo, 200, { ...repo, id: 12 }))).toEqual([
      expect.stringContaining("body/id must be string"),
    ]);
    expect(
      messages(checker.checkResponse(getRepo, 200, { ...repo, project: [repo.project] })),
    ).toEqual([expect.stringContaining("body/project must be object")]);
    expect(messages(checker.checkResponse(getRepo, 200, { ...repo, size: "0" }))).toEqual([
      expect.stringContaining("body/size must be integer"),
    ]);
  });

  it("reports fields the service leaves out: templateParameters in Runs - List", () => {
    const runs = req("GET", `${ORG}/pipelines/7/runs`, { v: "7.2-preview.1" });
    const run = {
      id: 12,
      name: "20240501.1",
      state: 4,
      url: "https://x/_apis/pipelines/7/runs/12",
    };
    expect(messages(checker.checkResponse(runs, 200, [run]))).toEqual([]);
    expect(
      messages(checker.checkResponse(runs, 200, [{ ...run, templateParameters: { a: "b" } }])).join(
        "\n",
      ),
    ).toMatch(
      /without "templateParameters" \(known difference runs-list-without-template-parameters\)/,
    );
    const getRun = req("GET", `${ORG}/pipelines/7/runs/12`, { v: "7.2-preview.1" });
    expect(
      messages(checker.checkResponse(getRun, 200, { ...run, templateParameters: { a: "b" } })),
    ).toEqual([]);
  });

  it("catches list wrapping mistakes", () => {
    expect(
      messages(checker.checkResponse(listReposWrapped, 200, { count: 1, value: repo })),
    ).toEqual([expect.stringContaining("body.value must be an array")]);
    expect(messages(checker.checkResponse(listReposWrapped, 200, [repo]))).toEqual([
      expect.stringContaining("wrapped as {count, value}"),
    ]);
    expect(messages(checker.checkResponse(listRepos, 200, { count: 1, value: [repo] }))).toEqual([
      expect.stringContaining("must be a bare array"),
    ]);
    expect(
      messages(
        checker.checkResponse(listReposWrapped, 200, {
          count: 2,
          value: [{ ...repo, project: { ...repo.project, state: "wellFormed" } }],
        }),
      ),
    ).toEqual([expect.stringContaining("body.count (2) must equal")]);
    expect(messages(checker.checkResponse(listRepos, 200, [{ ...repo, id: 5 }]))).toEqual([
      expect.stringContaining("body/0/id must be string"),
    ]);
  });

  it("checks enums and dates by the wire options the request asked for", () => {
    expect(
      messages(
        checker.checkResponse(getRepo, 200, {
          ...repo,
          project: { ...repo.project, state: "wellFormed" },
        }),
      ),
    ).toEqual([expect.stringContaining("body/project/state must be an enum number")]);
    expect(
      messages(checker.checkResponse(listReposWrapped, 200, { count: 1, value: [repo] })),
    ).toEqual([expect.stringContaining("state must be one of")]);
    const msDate = { ...repo, creationDate: "/Date(1700000000000)/" };
    expect(messages(checker.checkResponse(getRepo, 200, msDate))).toEqual([]);
    const isoOnly = req("GET", `${ORG}/git/repositories/${REPO}`, {
      accept: "application/json;api-version=7.2-preview.2;enumsAsNumbers=true",
    });
    expect(
      messages(
        checker.checkResponse(isoOnly, 200, { ...repo, creationDate: "2025-01-02T03:04:05.123Z" }),
      ),
    ).toEqual([]);
    expect(messages(checker.checkResponse(isoOnly, 200, msDate))).toEqual([
      expect.stringContaining('creationDate must match format "ado-date-time"'),
    ]);
    expect(
      messages(checker.checkResponse(getRepo, 200, { ...repo, creationDate: "yesterday" })),
    ).toEqual([expect.stringContaining("creationDate must match format")]);
  });

  it("checks statuses: declared, known extra, standard errors with the service's error body", () => {
    const push = pushReq(goodPush);
    const pushed = {
      pushId: 1,
      refUpdates: [{ name: "refs/heads/main", newObjectId: "a".repeat(40) }],
      commits: [{ commitId: "a".repeat(40) }],
    };
    expect(messages(checker.checkResponse(push, 201, pushed))).toEqual([]);
    expect(messages(checker.checkResponse(getRepo, 204, undefined))).toEqual([
      expect.stringContaining("status 204 is not declared"),
    ]);
    expect(messages(checker.checkResponse(getRepo, 302, undefined))).toEqual([
      expect.stringContaining("neither declared"),
    ]);
    const error = {
      $id: "1",
      innerException: null,
      message: "TF401028: The reference has already been updated.",
      typeName:
        "Microsoft.TeamFoundation.Git.Server.GitReferenceStaleException, Microsoft.TeamFoundation.Git.Server",
      typeKey: "GitReferenceStaleException",
      errorCode: 0,
      eventId: 3000,
    };
    expect(messages(checker.checkResponse(push, 409, error))).toEqual([]);
    expect(messages(checker.checkResponse(push, 409, { message: "conflict" }))).toEqual(
      expect.arrayContaining([expect.stringContaining('error body lacks "typeKey"')]),
    );
    expect(messages(checker.checkResponse(push, 500, { ...error, errorCode: "0" }))).toEqual([
      expect.stringContaining('"errorCode" must be integer'),
    ]);
    expect(messages(checker.checkResponse(push, 503, undefined))).toEqual([
      expect.stringContaining("must carry the service's error body"),
    ]);
  });

  it("expects raw content, not JSON, when the request asked for text", () => {
    const text = req("GET", `${ORG}/git/repositories/${REPO}/items`, {
      accept: clientAccept("7.2-preview.1", "text/plain"),
      query: { path: "/stackspot.yml" },
    });
    expect(messages(checker.checkResponse(text, 200, "trigger: none\n"))).toEqual([]);
    expect(messages(checker.checkResponse(text, 200, { path: "/stackspot.yml" }))).toEqual([
      expect.stringContaining("must be raw content"),
    ]);
  });

  it("accepts an empty success body only where the service is known to send one", () => {
    const endpoint = req("GET", `${ORG}/serviceendpoint/endpoints/${REPO}`, { v: "7.2-preview.4" });
    expect(checker.operationFor(endpoint)?.operationId).toBe("Endpoints_Get");
    expect(messages(checker.checkResponse(endpoint, 200, undefined))).toEqual([]);
    expect(messages(checker.checkResponse(endpoint, 200, ""))).toEqual([]);
    expect(messages(checker.checkResponse(getRepo, 200, undefined))).toEqual([
      expect.stringContaining("status 200 must carry a JSON body (GitRepository)"),
    ]);
  });

  it("allows null strings (masked secrets) but not null numbers or objects", () => {
    expect(messages(checker.checkResponse(getRepo, 200, { ...repo, defaultBranch: null }))).toEqual(
      [],
    );
    expect(messages(checker.checkResponse(getRepo, 200, { ...repo, size: null }))).toEqual([
      expect.stringContaining("body/size must be integer"),
    ]);
  });
});

describe("speed", () => {
  it("checks a request and its response quickly once warm (figures printed, not asserted)", () => {
    // A second folder name for the same specs gets its own cache entry: this measures a cold load.
    const loadStart = performance.now();
    const fresh = createContractChecker({ specsDir: path.join(DEFAULT_SPECS_DIR, ".") + path.sep });
    const load = performance.now() - loadStart;
    const update = req("PUT", `${ORG}/build/definitions/4`, {
      v: "7.2-preview.8",
      body: { ...goodDefinition, id: 4, revision: 1 },
    });
    const compileStart = performance.now();
    const firstViolations = fresh.checkRequest(update);
    const compile = performance.now() - compileStart;
    expect(firstViolations).toEqual([]);
    const push = pushReq(goodPush);
    const pushed = {
      pushId: 1,
      refUpdates: [{ name: "refs/heads/main", newObjectId: "a".repeat(40) }],
      commits: [{ commitId: "a".repeat(40) }],
    };
    const def = defReq(goodDefinition);
    const list = req("GET", `${ORG}/git/repositories`, { v: "7.2-preview.2" });
    const repos = Array.from({ length: 20 }, (_, i) => ({
      id: REPO,
      name: `r${i}`,
      project: { id: REPO, name: "Demo", state: 1 },
    }));
    let violations = 0;
    const round = () => {
      violations +=
        checker.checkRequest(push).length + checker.checkResponse(push, 201, pushed).length;
      violations +=
        checker.checkRequest(def).length +
        checker.checkRequest(list).length +
        checker.checkResponse(list, 200, repos).length;
    };
    round();
    const rounds = 2000;
    const start = performance.now();
    for (let i = 0; i < rounds; i++) round();
    const perCheck = (performance.now() - start) / (rounds * 5);
    console.log(
      `contract checker: loading the specs ${load.toFixed(0)} ms; first check of an operation (ajv compile) ${compile.toFixed(0)} ms; ` +
        `warm ${(perCheck * 1000).toFixed(1)} µs per check (${rounds * 5} checks)`,
    );
    expect(violations).toBe(0);
  });
});
