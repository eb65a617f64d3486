import { workflowUrl, InvalidOrganizationUrlError } from "../../src/setup";

describe("workflowUrl", () => {
  it.each([
    ["https://dev.azure.com/my-org", "Demo", "https://dev.azure.com/my-org/Demo"],
    ["https://dev.azure.com/my-org/", "Demo", "https://dev.azure.com/my-org/Demo"],
    ["https://dev.azure.com/my-org/Other/_git/x", "Demo", "https://dev.azure.com/my-org/Demo"],
    ["https://my-org.visualstudio.com/", "Demo", "https://dev.azure.com/my-org/Demo"],
    [
      "https://my-org.visualstudio.com/DefaultCollection/",
      "Demo",
      "https://dev.azure.com/my-org/Demo",
    ],
    [
      "https://tfs.example.com/tfs/DefaultCollection/",
      "Demo",
      "https://tfs.example.com/tfs/DefaultCollection/Demo",
    ],
    ["http://server:8080/tfs/Coll", "Demo", "http://server:8080/tfs/Coll/Demo"],
    ["https://dev.azure.com/my-org", "My Project", "https://dev.azure.com/my-org/My%20Project"],
    ["https://dev.azure.com/my-org", "a/b?c#d", "https://dev.azure.com/my-org/a%2Fb%3Fc%23d"],
    ["https://dev.azure.com/my-org", "Ação", "https://dev.azure.com/my-org/A%C3%A7%C3%A3o"],
  ])("%s + %s → %s", (org, project, expected) => {
    expect(workflowUrl(org, project)).toBe(expected);
  });

  it("refuses what is not an organization URL", () => {
    for (const bad of ["dev.azure.com/x", "ftp://x/y", "https://dev.azure.com/", ""]) {
      expect(() => workflowUrl(bad, "P")).toThrow(InvalidOrganizationUrlError);
    }
  });
});
