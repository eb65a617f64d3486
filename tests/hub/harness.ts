// Everything a browser test of the hub needs, started once per test file: the REST emulator, the
// SDK test host in front of it, and one Chromium. Each test takes a project of its own (the
// emulator keeps projects apart) and a browser context of its own, so tests share nothing but the
// processes. The host serves the repository's build (dist/hub, built when stale) or, with
// `extensionRoot`, another extension root such as an unpacked .vsix.
import type { Browser, BrowserContext, FrameLocator, Page } from "playwright-core";
import { startEmulator } from "../emulator";
import type { Emulator, EmulatorOptions, Permission } from "../emulator/types";
import { startTestHost, type TestHost } from "../host/server";
import type { ThemeName } from "../host/page/themes";
import { ensureHubBuilt } from "../host/hubBuild";
import { findRepoRoot } from "../host/httpUtil";
import { launchChromium } from "./browser";
import { UI_TIMEOUT } from "./hubActions";

export interface HubSession {
  page: Page;
  /** The hub's frame, inside the test host page. */
  hub: FrameLocator;
  /**
   * Every console line and page error of the host page and the hub, for assertions on what leaked.
   */
  output: string[];
  /**
   * The files the hub's frame loaded from the extension's origin (its page, scripts, styles, fonts;
   * not the REST calls, not the host page's own chrome), as paths inside the extension root.
   */
  extensionFiles: Array<{ path: string; status: number }>;
  close(): Promise<void>;
}

export interface HubHarnessOptions {
  emulator?: EmulatorOptions;
  /**
   * The extension root the host serves (default: the repository, whose hub is built first when
   * stale).
   */
  extensionRoot?: string;
}

export class HubHarness {
  private projectCount = 0;
  private readonly contexts = new Set<BrowserContext>();

  private constructor(
    readonly emulator: Emulator,
    readonly host: TestHost,
    readonly browser: Browser,
  ) {}

  static async start(options: HubHarnessOptions = {}): Promise<HubHarness> {
    if (!options.extensionRoot) ensureHubBuilt(findRepoRoot(__dirname));
    const emulator = await startEmulator(options.emulator ?? {});
    let host: TestHost | undefined;
    try {
      host = await startTestHost({ emulator, extensionRoot: options.extensionRoot });
      const browser = await launchChromium();
      return new HubHarness(emulator, host, browser);
    } catch (e) {
      await host?.stop();
      await emulator.stop();
      throw e;
    }
  }

  /**
   * A new, empty project with a unique name (it has the "Azure Pipelines" hosted queue, as every
   * project).
   */
  newProject(prefix = "Project"): string {
    const name = `${prefix}-${++this.projectCount}`;
    this.emulator.addProject(name);
    return name;
  }

  /**
   * Opens the hub of `project` in the test host, in a fresh browser context, as a user without
   * `deny`. `clock`: the pages' timers and dates run on Playwright's clock, which the test can move
   * on (`page.clock.runFor`) instead of waiting; `viewport` defaults to 1280 × 900.
   */
  async open(
    project: string,
    opts: {
      theme?: ThemeName;
      deny?: Permission[];
      clock?: boolean;
      viewport?: { width: number; height: number };
    } = {},
  ): Promise<HubSession> {
    // The page always names the user it plays (no denial: every permission), so a test never
    // inherits the denials of the one before.
    const { viewport, clock, ...page } = opts;
    return this.openPage(
      this.host.hubPageUrl(project, { ...page, deny: page.deny ?? [] }),
      viewport,
      clock,
    );
  }

  /** Opens the organization view (Organization settings → StackSpot) in a fresh context. */
  async openOrganization(
    opts: {
      theme?: ThemeName;
      deny?: Permission[];
      viewport?: { width: number; height: number };
    } = {},
  ): Promise<HubSession> {
    const { viewport, ...page } = opts;
    return this.openPage(
      this.host.organizationPageUrl({ ...page, deny: page.deny ?? [] }),
      viewport,
    );
  }

  private async openPage(
    url: string,
    viewport = { width: 1280, height: 900 },
    clock = false,
  ): Promise<HubSession> {
    const context = await this.browser.newContext({ viewport });
    if (clock) await context.clock.install();
    // Every wait and action of a test is bounded like the hub's own steps, not by Playwright's 30 s
    // default, which a busy machine overruns.
    context.setDefaultTimeout(UI_TIMEOUT);
    this.contexts.add(context);
    const page = await context.newPage();
    const output: string[] = [];
    page.on("console", (m) => output.push(`[${m.type()}] ${m.text()}`));
    page.on("pageerror", (e) => output.push(`[pageerror] ${e.message}`));
    const extensionFiles: HubSession["extensionFiles"] = [];
    const { extensionOrigin } = this.host;
    const restPrefix = `${extensionOrigin}/${this.emulator.organization}/`;
    page.on("response", (r) => {
      const url = r.url();
      if (
        r.request().frame() === page.mainFrame() ||
        !url.startsWith(extensionOrigin + "/") ||
        url.startsWith(restPrefix)
      )
        return;
      extensionFiles.push({
        path: decodeURIComponent(new URL(url).pathname).replace(/^\//, ""),
        status: r.status(),
      });
    });
    await page.goto(url);
    return {
      page,
      hub: page.frameLocator("#hub-frame"),
      output,
      extensionFiles,
      close: async () => {
        this.contexts.delete(context);
        await context.close();
      },
    };
  }

  /** Closes every page opened since the last call (each test's own browser contexts). */
  async closeSessions(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    this.contexts.clear();
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.host.stop();
    await this.emulator.stop();
  }
}

/**
 * The lifecycle every browser test file shares: one harness started before the file's tests and
 * stopped after them, and each test's pages closed after it. Returns a stand-in that forwards to
 * the running harness (as useEmulator does); read it only inside tests and later hooks.
 */
export function useHubHarness(options: HubHarnessOptions = {}): HubHarness {
  let harness: HubHarness | undefined;
  beforeAll(async () => {
    harness = await HubHarness.start(options);
  });
  afterEach(async () => harness?.closeSessions());
  afterAll(async () => harness?.stop());
  return new Proxy({} as HubHarness, {
    get(_target, key) {
      if (!harness) throw new Error("useHubHarness: read outside the file's tests and hooks.");
      const value: unknown = Reflect.get(harness, key);
      return typeof value === "function" ? value.bind(harness) : value;
    },
  });
}
