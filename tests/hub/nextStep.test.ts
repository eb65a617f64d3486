// What the hub says once a project is set up: ready for StackSpot, with the StackSpot portal's
// steps as the visible next step (the hub cannot see the portal, so it never says "connected"),
// and what those steps mean: the token's scopes and why, the portal's User PAT question with both
// answers, and that the Workflow URL is this project's own.
import { runSetup } from "../../src/setup";
import { clientsFor, CREDENTIALS, creatingOptions } from "../setup/harness";
import { useHubHarness, type HubSession } from "./harness";
import {
  boltId,
  pressApply,
  typeCredentials,
  UI_TIMEOUT,
  waitForChecklist,
  waitForSetupEnd,
} from "./hubActions";

jest.setTimeout(300_000);

const VIEWPORT = { width: 1280, height: 900 };
const READY = "Ready for StackSpot — finish in the StackSpot portal.";

const h = useHubHarness();
let session: HubSession | undefined;

test("after a set-up, the hub says ready for StackSpot and shows the portal steps first, never connected", async () => {
  const project = h.newProject("Portal");
  session = await h.open(project, { viewport: VIEWPORT });
  const { hub } = session;
  await waitForChecklist(hub);
  const connect = hub.locator(".ss-connect");
  // Before the set-up the portal is not the next step yet: it comes after the options.
  expect(await connect.innerText()).toMatch(/^Connect StackSpot/);
  await typeCredentials(hub, CREDENTIALS);
  const toast = hub.locator(".bolt-toast", { hasText: READY }).waitFor({ timeout: UI_TIMEOUT });
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("complete");
  await toast;

  await hub.getByText(READY).first().waitFor({ timeout: UI_TIMEOUT });
  await connect.getByText("Next: finish in the StackSpot portal").waitFor({ timeout: UI_TIMEOUT });
  expect(await hub.locator("body").innerText()).not.toMatch(/connected to StackSpot/i);
  // The next step is in view without scrolling, above the options.
  const box = (await connect.boundingBox())!;
  const options = (await hub.locator(".ss-options").boundingBox())!;
  expect(box.y).toBeLessThan(VIEWPORT.height / 2);
  expect(box.y).toBeLessThan(options.y);
  await expectPortalSteps(session, project);
});

test("a project already set up opens on the same next step", async () => {
  const project = h.newProject("Done");
  expect((await runSetup(clientsFor(h.emulator), creatingOptions(project))).outcome).toBe(
    "complete",
  );
  session = await h.open(project, { viewport: VIEWPORT });
  const { hub } = session;
  await waitForChecklist(hub);
  await hub.getByText(READY).first().waitFor({ timeout: UI_TIMEOUT });
  await hub
    .locator(".ss-connect", { hasText: "Next: finish in the StackSpot portal" })
    .waitFor({ timeout: UI_TIMEOUT });
  expect(await hub.locator("body").innerText()).not.toMatch(/connected to StackSpot/i);
  await expectPortalSteps(session, project);
});

/** The portal's steps, in order, with what each answer and each scope is for. */
async function expectPortalSteps(s: HubSession, project: string): Promise<void> {
  const steps = s.hub.locator(".ss-connect ol.ss-steps > li");
  expect(await steps.count()).toBe(4);
  expect(await steps.nth(0).innerText()).toMatch(/^Create an Azure DevOps token for StackSpot/);
  expect(await steps.nth(0).innerText()).toMatch(/StackSpot calls Azure DevOps with this token/);
  expect(await steps.nth(0).innerText()).toMatch(/queues the stackspot pipeline/);
  expect(await steps.nth(1).innerText()).toMatch(/Organization → StackSpot EDP → SCM/);
  const question = await steps.nth(2).innerText();
  expect(question).toContain('"Will the organization manage SCM access via User PAT?"');
  expect(question).toMatch(/Yes: every member .*External Connections/);
  expect(question).toMatch(/No: StackSpot uses the organization's token/);
  const url = await steps.nth(3).innerText();
  expect(url).toMatch(/^Paste this Workflow URL and save/);
  expect(url).toContain("Each Azure DevOps project has its own Workflow URL");
  expect(await s.hub.locator(boltId("ss-workflow-url")).inputValue()).toBe(
    `https://dev.azure.com/${h.emulator.organization}/${project}`,
  );
}
