// The demo organization of the playground (`npm start`): organization "demo-org", project "Demo"
// with a couple of repositories, an existing CI pipeline, the hosted queue and a self-hosted queue.
// Nothing of StackSpot is set up, so the hub has its whole checklist to do.
import type { Emulator } from "./types";

export const DEMO_PROJECT = "Demo";

const WEB_APP_PIPELINE = [
  "trigger:",
  "  - main",
  "pool:",
  "  vmImage: ubuntu-latest",
  "steps:",
  "  - script: npm ci && npm test",
  "    displayName: Test",
  "",
].join("\n");

export function seedDemo(emulator: Emulator): void {
  emulator.addProject(DEMO_PROJECT);
  emulator.addRepository(DEMO_PROJECT, "web-app", {
    files: {
      "/README.md": "# web-app\n\nThe Demo project's web application.\n",
      "/azure-pipelines.yml": WEB_APP_PIPELINE,
      "/package.json": '{\n  "name": "web-app",\n  "private": true\n}\n',
    },
  });
  emulator.addRepository(DEMO_PROJECT, "infrastructure", {
    files: { "/README.md": "# infrastructure\n\nTerraform for the Demo project.\n" },
  });
  emulator.addQueue(DEMO_PROJECT, "Self-Hosted Linux");
  emulator.addDefinition(DEMO_PROJECT, {
    name: "web-app CI",
    repository: "web-app",
    yamlFilename: "/azure-pipelines.yml",
    queue: "Azure Pipelines",
  });
}
