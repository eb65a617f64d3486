// The organization view in Chromium, in the test host's Organization settings page, against the
// emulated organization of 30 projects (tests/emulator/orgDemo.ts).
import { HubHarness, type HubSession } from "../hub/harness";
import { UI_TIMEOUT } from "../hub/hubActions";
import { seedOrgDemo, type OrgDemo } from "../emulator/orgDemo";
import { rowStates } from "./orgActions";

let harness: HubHarness;
let demo: OrgDemo;
const sessions: HubSession[] = [];

beforeAll(async () => {
  harness = await HubHarness.start();
  demo = await seedOrgDemo(harness.emulator);
}, 120_000);

afterAll(async () => {
  for (const s of sessions) await s.close();
  await harness?.stop();
});

async function open(): Promise<HubSession> {
  const session = await harness.openOrganization();
  sessions.push(session);
  return session;
}

test("reads the 30 projects and shows each one's state", async () => {
  const { hub: view, output } = await open();
  const total = demo.projects.length;
  await view.locator(`text=Read all ${total} projects`).waitFor({ timeout: UI_TIMEOUT });
  const states = await rowStates(view);
  const demoStates = Object.fromEntries(demo.projects.map((p) => [p.name, states[p.name]]));
  expect(demoStates).toEqual(Object.fromEntries(demo.projects.map((p) => [p.name, p.expected])));
  expect(Object.keys(states)).not.toContain(demo.hidden);
  expect(output.filter((l) => l.startsWith("[pageerror]"))).toEqual([]);
}, 180_000);
