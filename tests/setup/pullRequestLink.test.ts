// A pull request's web link, from answers shaped as Microsoft recorded them: their `repository`
// has no webUrl, and `url` is the REST URL (known difference
// pull-request-repository-without-web-url).
import * as fs from "fs";
import * as path from "path";
import { toPullRequestState } from "../../src/setup/read/reads";

const EXAMPLES = path.join(
  __dirname,
  "../fixtures/ado-rest-specs/git/7.1/httpExamples/pullRequests",
);

function recorded(file: string): any {
  const text = fs.readFileSync(path.join(EXAMPLES, file), "utf8").replace(/^\uFEFF/, "");
  const { responses } = JSON.parse(text);
  return (responses["201"] ?? responses["200"]).body;
}

it("the recorded answers carry no repository webUrl, and a REST url", () => {
  const created = recorded("POST__git_repositories__repositoryId__pullRequests.json");
  const listed = recorded("GET__git_repositories__repositoryId__pullRequests.json").value[0];
  for (const pr of [created, listed]) {
    expect(pr.repository.webUrl).toBeUndefined();
    expect(pr.url).toMatch(/\/_apis\//);
  }
});

it("builds the web link from the repository's web URL when the read knows it", () => {
  const pr = recorded("GET__git_repositories__repositoryId__pullRequests.json").value[0];
  const state = toPullRequestState(
    "https://dev.azure.com/fabrikam/",
    pr,
    "https://dev.azure.com/fabrikam/Fabrikam%20Web/_git/web",
  );
  expect(state).toEqual({
    id: pr.pullRequestId,
    title: pr.title,
    url: `https://dev.azure.com/fabrikam/Fabrikam%20Web/_git/web/pullrequest/${pr.pullRequestId}`,
  });
});

it("builds it from the organization, project and repository names otherwise", () => {
  const pr = recorded("POST__git_repositories__repositoryId__pullRequests.json");
  const state = toPullRequestState("https://dev.azure.com/fabrikam/", pr);
  expect(state.url).toBe(
    `https://dev.azure.com/fabrikam/${pr.repository.project.name}/_git/` +
      `${pr.repository.name}/pullrequest/${pr.pullRequestId}`,
  );
  expect(state.url).not.toMatch(/_apis/);
});
