// Everything a browser test of the hub needs, started once per test file: the REST emulator, the SDK
// test host in front of it, and one Chromium. Each test takes a project of its own (the emulator keeps
// projects apart) and a browser context of its own, so tests share nothing but the processes.
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { startEmulator } from "../emulator";
import type { Emulator, EmulatorOptions, Permission } from "../emulator/types";
import { startTestHost, type TestHost } from "../host/server";
import type { ThemeName } from "../host/page/themes";
import { ensureHubBuilt } from "../host/hubBuild";
import { findRepoRoot } from "../host/httpUtil";
import { launchChromium } from "./browser";

export interface HubSession {
  page: Page;
  /** The hub's frame, inside the test host page. */
  hub: FrameLocator;
  /** Every console line and page error of the host page and the hub, for assertions on what leaked. */
  output: string[];
  close(): Promise<void>;
}

export class HubHarness {
  private projectCount = 0;
  private readonly contexts = new Set<BrowserContext>();

  private constructor(readonly emulator: Emulator, readonly host: TestHost, readonly browser: Browser) {}

  static async start(options: EmulatorOptions = {}): Promise<HubHarness> {
    ensureHubBuilt(findRepoRoot(__dirname));
    const emulator = await startEmulator(options);
    let host: TestHost | undefined;
    try {
      host = await startTestHost({ emulator });
      const browser = await launchChromium();
      return new HubHarness(emulator, host, browser);
    } catch (e) {
      await host?.stop();
      await emulator.stop();
      throw e;
    }
  }

  /** A new, empty project with a unique name (it has the "Azure Pipelines" hosted queue, as every project). */
  newProject(prefix = "Project"): string {
    const name = `${prefix}-${++this.projectCount}`;
    this.emulator.addProject(name);
    return name;
  }

  /** Opens the hub of `project` in the test host, in a fresh browser context. */
  async open(project: string, opts: { theme?: ThemeName; deny?: Permission[] } = {}): Promise<HubSession> {
    const context = await this.browser.newContext({ viewport: { width: 1280, height: 900 } });
    this.contexts.add(context);
    const page = await context.newPage();
    const output: string[] = [];
    page.on("console", (m) => output.push(`[${m.type()}] ${m.text()}`));
    page.on("pageerror", (e) => output.push(`[pageerror] ${e.message}`));
    await page.goto(this.host.hubPageUrl(project, opts));
    return {
      page,
      hub: page.frameLocator("#hub-frame"),
      output,
      close: async () => {
        this.contexts.delete(context);
        await context.close();
      },
    };
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.host.stop();
    await this.emulator.stop();
  }
}
