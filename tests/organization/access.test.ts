// The organization view by keyboard alone and in the dark theme, in Chromium against the emulator.
import { useHubHarness, type HubSession } from "../hub/harness";
import { UI_TIMEOUT } from "../hub/hubActions";
import { expectContract } from "../setup/harness";
import { CREDENTIALS, waitForAllRead, waitForBatchEnd } from "./orgActions";

jest.setTimeout(300_000);

const h = useHubHarness();
let session: HubSession | undefined;

test("a full batch set-up by keyboard alone", async () => {
  const projects = ["Keys-1", "Keys-2"];
  for (const p of projects) h.emulator.addProject(p);
  session = await h.openOrganization();
  const { hub: view, page } = session;
  await waitForAllRead(view);
  const frame = page.frames().find((f) => f.url().includes("/organization.html"))!;
  const focused = () =>
    frame.evaluate(() => {
      const e = document.activeElement;
      return e ? (e.getAttribute("aria-label") ?? e.textContent ?? "").trim() : "";
    });
  const seen: string[] = [];
  const tabTo = async (wanted: RegExp, max = 40) => {
    for (let i = 0; i < max; i++) {
      const now = await focused();
      if (wanted.test(now)) return;
      seen.push(now);
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${wanted}; it went through ${seen.slice(-max).join(" | ")}`);
  };
  await view.getByLabel("Filter projects by name").focus();
  await page.keyboard.type("Keys-");
  await tabTo(/^Select all not ready \(2\)$/);
  await page.keyboard.press("Enter");
  await tabTo(/^Set up selected \(2\)$/);
  await page.keyboard.press("Enter");
  await view.locator('.ss-batch[data-phase="options"]').waitFor({ timeout: UI_TIMEOUT });
  await tabTo(/^StackSpot client ID$/);
  await page.keyboard.type(CREDENTIALS.clientId);
  await page.keyboard.press("Tab");
  await page.keyboard.type(CREDENTIALS.clientKey);
  await page.keyboard.press("Tab");
  await page.keyboard.type(CREDENTIALS.realm);
  await tabTo(/^Review changes$/);
  await page.keyboard.press("Enter");
  await view.locator('.ss-batch[data-phase="review"]').waitFor({ timeout: UI_TIMEOUT });
  await tabTo(/^Set up 2 projects$/);
  await page.keyboard.press("Enter");
  await waitForBatchEnd(view);
  for (const project of projects)
    expectContract(h.emulator, project, {
      project,
      credentials: { kind: "service-connection", name: "stackspot", create: CREDENTIALS },
    });
  await tabTo(/^Done$/);
  await page.keyboard.press("Enter");
  await view.locator(".ss-batch").waitFor({ state: "detached", timeout: UI_TIMEOUT });
});

test("follows the host's dark theme", async () => {
  h.emulator.addProject("Dark-1");
  session = await h.openOrganization({ theme: "dark" });
  const { hub: view } = session;
  await waitForAllRead(view);
  const color = (selector: string, property: "color" | "backgroundColor") =>
    view
      .locator(selector)
      .first()
      .evaluate((e, p) => getComputedStyle(e)[p], property);
  expect(await color("body", "backgroundColor")).toBe("rgb(30, 30, 30)");
  // Text stays light on the dark page: the table's and the filter's.
  for (const selector of [".ss-cell-project a", ".ss-state", ".ss-read-progress span"]) {
    const [r, g, b] = (await color(selector, "color")).match(/\d+/g)!.map(Number);
    expect((r + g + b) / 3).toBeGreaterThan(128);
  }
});
