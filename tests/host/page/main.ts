// The SDK test host page: frames the built hub as Azure DevOps does and answers the SDK's protocol.
// Everything it knows (organization, project, user, token, where the hub and the REST API are)
// comes from the server, embedded in the page as JSON.
import type { HostPageConfig } from "../config";
import { renderChrome } from "./chrome";
import { makeServices, type HostEvents } from "./services";
import { themes, type ThemeName } from "./themes";
import { XdmHostChannel } from "./xdmHost";

const config = JSON.parse(
  document.getElementById("host-config")?.textContent ?? "{}",
) as HostPageConfig;
let theme: ThemeName = config.theme;

function applyHostTheme(name: ThemeName): void {
  const root = document.documentElement;
  for (const [key, value] of Object.entries(themes[name]))
    root.style.setProperty(`--${key}`, value);
  root.dataset.theme = name;
}
applyHostTheme(theme);

const chrome = renderChrome(document.body, config, {
  onTheme: (name) => void switchTheme(name),
  onDeny: (denied) => void playUser(denied),
});

// Listening starts before the frame exists: the SDK sends its handshake as soon as the hub's script
// runs.
const frame = chrome.frame;
const channel = new XdmHostChannel(frame, config.extensionOrigin);
const events: HostEvents = {
  navigations: [],
  toasts: [],
  onToast: chrome.showToast,
  onBanner: chrome.showBanner,
};
const services = makeServices(config, events);

/** Timestamps of the frame's life, read by the tests and the bench (ms since this page started). */
const timings: { frameLoadStart?: number; handshake?: number; loadSucceeded?: number } = {};

channel.register("DevOps.HostControl", {
  initialHandshake: (options: { applyTheme?: boolean } | undefined) => {
    timings.handshake = performance.now();
    return {
      contributionId: config.extension.contributionId,
      context: {
        extension: {
          id: `${config.extension.publisherId}.${config.extension.extensionId}`,
          publisherId: config.extension.publisherId,
          extensionId: config.extension.extensionId,
          version: config.extension.version,
          baseUri: config.extensionOrigin + "/",
        },
        user: config.user,
        host: {
          id: config.hostId,
          name: config.organization,
          serviceVersion: "Test host",
          type: 4,
          isHosted: true,
        },
        pageContext: {
          globalization: {
            culture: "en-US",
            theme: theme === "dark" ? "ms.vss-web.vsts-theme-dark" : "ms.vss-web.vsts-theme",
            explicitTheme:
              theme === "dark" ? "ms.vss-web.vsts-theme-dark" : "ms.vss-web.vsts-theme",
            timeZoneId: "UTC",
            timezoneOffset: 0,
            typeAheadDisabled: false,
          },
          timeZonesConfiguration: { daylightSavingsAdjustments: [] },
          webContext: webContext(),
        },
      },
      initialConfig: {},
      // As Azure DevOps does, the theme is sent only to content that asks for it (applyTheme
      // defaults to true).
      themeData: options?.applyTheme === false ? undefined : themes[theme],
    };
  },
  notifyLoadSucceeded: () => {
    timings.loadSucceeded = performance.now();
    chrome.setLoading(false);
  },
  notifyLoadFailed: (error: unknown) => {
    chrome.setLoading(false);
    chrome.showBanner(`The hub failed to load: ${String(error)}`, "error");
  },
  getAccessToken: async () => ({ token: config.accessToken }),
  // The app token identifies the user to the extension's own services; the emulator has none, so
  // any opaque value.
  getAppToken: async () => ({ token: "app-token-for-" + config.user.id }),
  resize: () => undefined,
});

/** The page's place: a project with its team, or the organization alone (Organization settings). */
function webContext(): Record<string, unknown> {
  const collection = { id: config.hostId, name: config.organization, uri: config.webUrl };
  if (!config.project) return { collection };
  return {
    collection,
    project: { id: config.project.id, name: config.project.name },
    team: { id: "00000000-0000-0000-0000-0000000000a1", name: `${config.project.name} Team` },
  };
}

channel.register("DevOps.ServiceManager", {
  getService: (contributionId: string) => {
    const service = services[contributionId];
    if (!service) throw new Error(`The test host does not provide the service ${contributionId}.`);
    return service;
  },
});

async function switchTheme(name: ThemeName): Promise<void> {
  theme = name;
  applyHostTheme(name);
  const url = new URL(window.location.href);
  url.searchParams.set("theme", name);
  history.replaceState(null, "", url.toString());
  // Azure DevOps tells open extension frames through the SDK's "themeChanged" event.
  await channel.invoke("DevOps.SdkClient", "dispatchEvent", [
    "themeChanged",
    { detail: { data: themes[name] } },
  ]);
}

async function playUser(denied: string[]): Promise<void> {
  const response = await fetch("/_host/permissions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ deny: denied }),
  });
  if (!response.ok) {
    chrome.showBanner(`Could not change the user's permissions: ${await response.text()}`, "error");
    return;
  }
  const url = new URL(window.location.href);
  if (denied.length) url.searchParams.set("deny", denied.join(","));
  else url.searchParams.delete("deny");
  history.replaceState(null, "", url.toString());
  loadFrame();
}

function loadFrame(): void {
  channel.reset();
  chrome.setLoading(true);
  timings.frameLoadStart = performance.now();
  timings.handshake = undefined;
  timings.loadSucceeded = undefined;
  frame.src = config.hubUrl;
}

// What tests read: the calls the hub made (never their arguments), navigations, toasts, timings and
// identity.
(window as unknown as { __testHost: unknown }).__testHost = {
  calls: channel.calls,
  events,
  timings,
  config: { theme: () => theme },
  // The extension the host announced in the handshake.
  identity: { contributionId: config.extension.contributionId, version: config.extension.version },
};

loadFrame();
