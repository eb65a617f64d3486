// Takes the Marketplace page's screenshots of the real hub, in the SDK test host, against the emulator:
//   images/hub-checklist.png  an empty project: the checklist before set-up;
//   images/hub-ready.png      the same project after set-up: every item done, the Workflow URL shown.
// Run it after changing the hub, and commit the images (overview.md shows them; the package ships them):
//   node scripts/run-ts.js tests/package/support/marketplace-screenshots.ts
import * as path from "path";
import { createPatClients } from "../../../src/ado";
import { runSetup } from "../../../src/setup";
import { HubHarness, HubSession } from "../../hub/harness";
import { REPO_ROOT } from "./paths";

const OUT = path.join(REPO_ROOT, "images");

async function shoot(session: HubSession, file: string): Promise<void> {
  const hub = session.hub;
  await hub.getByRole("heading", { name: "StackSpot" }).first().waitFor({ timeout: 30_000 });
  // The checklist is read once the hub has the project's state (the skeleton has aria-busy).
  await hub.locator('[aria-label="Set-up checklist"][aria-busy="false"]').waitFor({ timeout: 30_000 });
  await session.page.waitForTimeout(500); // let fonts and the last layout settle
  await session.page.locator("#hub-frame").screenshot({ path: path.join(OUT, file) });
  console.log(`marketplace-screenshots: images/${file}`);
}

async function main(): Promise<void> {
  const harness = await HubHarness.start();
  try {
    const project = harness.newProject("Platform");
    const before = await harness.open(project);
    await shoot(before, "hub-checklist.png");
    await before.close();

    const clients = createPatClients({ orgUrl: harness.emulator.orgUrl, token: harness.emulator.token });
    const credentials = { clientId: "3f2c9a54-0000-client", clientKey: "not-a-real-key", realm: "acme" };
    await runSetup(clients, { project, credentials: { kind: "service-connection", name: "stackspot", create: credentials } });
    const after = await harness.open(project);
    await shoot(after, "hub-ready.png");
    await after.close();
  } finally {
    await harness.stop();
  }
}

main().catch((e) => {
  console.error(`marketplace-screenshots: ${e instanceof Error ? e.stack : String(e)}`);
  process.exit(1);
});
