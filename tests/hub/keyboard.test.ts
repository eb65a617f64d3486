// A full set-up from the keyboard at two widths: 1024 px (the sections stack) and 1400 px (two
// columns). The page's primary action is the header's command bar's (Azure DevOps' convention), in
// view wherever the focus is; Tab visits the page in reading order.
import type { FrameLocator, Page } from "playwright-core";
import { CREDENTIALS, creatingOptions, expectContract } from "../setup/harness";
import { useHubHarness, type HubSession } from "./harness";
import { boltId, UI_TIMEOUT, waitForChecklist, waitForIdle, waitForSetupEnd } from "./hubActions";

jest.setTimeout(300_000);

const h = useHubHarness();
let session: HubSession | undefined;

interface Focused {
  id: string;
  top: number;
  left: number;
  right: number;
}

/** The element with the focus in the hub, and where it is on the screen ("" when outside). */
const focused = (hub: FrameLocator): Promise<Focused> =>
  hub.locator("body").evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return { id: "", top: 0, left: 0, right: 0 };
    const r = e.getBoundingClientRect();
    const id = e.id || e.getAttribute("aria-label") || (e.textContent ?? "").slice(0, 40);
    return { id: id || e.tagName, top: r.top, left: r.left, right: r.right };
  });

/** Whether the element is wholly inside the frame's viewport. */
const inView = (hub: FrameLocator, selector: string): Promise<boolean> =>
  hub.locator(selector).evaluate((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
  });

/** Presses `key` until the element of this azure-devops-ui id has the focus; returns how often. */
async function pressUntil(page: Page, hub: FrameLocator, key: string, id: string): Promise<number> {
  for (let presses = 0; presses < 80; presses++) {
    if ((await focused(hub)).id === boltId(id).slice(1)) return presses;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${id}`);
}

/**
 * Tabs through the whole page from its top, once, and returns what took the focus, in order. On a
 * page that scrolls, positions are read in the page, not the window.
 */
async function tabOrder(page: Page, hub: FrameLocator): Promise<Focused[]> {
  await hub.locator("body").focus();
  const seen: Focused[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(hub);
    // The host page's own controls may come first; the walk ends when the focus leaves the hub.
    if (!f.id && !seen.length) continue;
    if (!f.id || seen.some((s) => s.id === f.id)) break;
    const scrollY = await hub.locator("body").evaluate(() => {
      const page = document.querySelector(".bolt-page");
      return (page?.scrollTop ?? 0) + window.scrollY;
    });
    seen.push({ ...f, top: f.top + scrollY });
  }
  return seen;
}

for (const width of [1024, 1400]) {
  test(`a set-up by keyboard at ${width} px: the action in the header, always in view, and Tab in reading order`, async () => {
    const project = h.newProject(`Keys${width}`);
    h.emulator.addQueue(project, "Linux agents");
    session = await h.open(project, { viewport: { width, height: 800 } });
    const { hub, page } = session;
    await waitForChecklist(hub);
    await waitForIdle(hub);
    expect(await hub.locator(`.bolt-header ${boltId("ss-apply")}`).count()).toBe(1);

    // Reading order: each stop is below the one before, or in a column to its right.
    const order = await tabOrder(page, hub);
    for (let i = 1; i < order.length; i++) {
      const [a, b] = [order[i - 1], order[i]];
      if (!(b.top >= a.top - 1 || b.left >= a.right - 1))
        throw new Error(`Tab goes from ${a.id} back up to ${b.id}`);
    }
    const ids = order.map((f) => f.id);
    const fields = ["ss-repository", "ss-pool", "ss-credentials", "ss-client-id", "ss-realm"];
    const at = fields.map((f) => ids.indexOf(boltId(f).slice(1)));
    expect(at.every((p) => p >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);

    // The set-up: the pool and the credentials by keyboard, then back to the header's action.
    await hub.locator("body").focus();
    await pressUntil(page, hub, "Tab", "ss-pool");
    await page.keyboard.press("Enter");
    await hub.locator(".bolt-dropdown:focus-within").waitFor({ timeout: UI_TIMEOUT });
    const focusedText = () =>
      hub.locator("body").evaluate(() => (document.activeElement as HTMLElement)?.innerText ?? "");
    for (let i = 0; i < 5 && !(await focusedText()).includes("Linux agents"); i++)
      await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await hub.locator(".bolt-dropdown").waitFor({ state: "detached", timeout: UI_TIMEOUT });
    await pressUntil(page, hub, "Tab", "ss-client-id");
    await page.keyboard.type(CREDENTIALS.clientId);
    await page.keyboard.press("Tab");
    await page.keyboard.type(CREDENTIALS.clientKey);
    await page.keyboard.press("Tab");
    await page.keyboard.type(CREDENTIALS.realm);
    // The action is in view beside the last field, and becomes pressable once the re-read is done.
    expect(await inView(hub, boltId("ss-apply"))).toBe(true);
    await waitForIdle(hub);
    await hub
      .locator(`${boltId("ss-apply")}:not([aria-disabled=true]):not([disabled])`)
      .waitFor({ timeout: UI_TIMEOUT });
    await page.keyboard.down("Shift");
    await pressUntil(page, hub, "Tab", "ss-apply");
    await page.keyboard.up("Shift");
    expect(await inView(hub, boltId("ss-apply"))).toBe(true);
    await page.keyboard.press("Enter");
    expect(await waitForSetupEnd(hub)).toBe("complete");
    expectContract(
      h.emulator,
      project,
      creatingOptions(project, { pool: { kind: "self-hosted", queue: "Linux agents" } }),
    );
  });
}
