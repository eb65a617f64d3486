// Scale: a project with thousands of repositories and definitions, seeded in bulk, still answers
// lookups by name correctly (the timing itself is a benchmark concern, not asserted here).
import { useEmulator } from "./useEmulator";
import { clientsFor } from "./clients";

const emu = useEmulator();
beforeAll(() => {
  emu.addProject("Big");
  emu.seedBulk("Big", { repositories: 5000, definitions: 10000 });
});

it("seeds 5,000 repositories and 10,000 definitions", () => {
  expect(emu.listRepositories("Big").length).toBe(5000);
  expect(emu.listDefinitions("Big").length).toBe(10000);
  expect(new Set(emu.listDefinitions("Big").map((d) => d.id)).size).toBe(10000);
});

it("finds one definition by name and folder, and one repository by name, among thousands", async () => {
  const c = clientsFor(emu);
  const found = await c.build.getDefinitions("Big", "bulk-pipeline-004242");
  expect(found.map((d) => [d.name, d.path])).toEqual([["bulk-pipeline-004242", "\\bulk-folder-2"]]);
  const inRoot = await c.build.getDefinitions(
    "Big",
    "bulk-pipeline-004242",
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    undefined,
    "\\",
  );
  expect(inRoot.length).toBe(0);
  const repo = await c.git.getRepository("bulk-repo-004999", "Big");
  expect(repo.defaultBranch).toBe("refs/heads/main");
  const page = await c.pipelines.listPipelines("Big", undefined, 50);
  expect(page.length).toBe(50);
  expect((await c.git.getRepositories("Big")).length).toBe(5000);
});
