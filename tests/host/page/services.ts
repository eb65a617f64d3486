// The host services the hub can ask for with SDK.getService(id). Each is a plain object of methods;
// the XDM channel turns the methods into proxies the hub calls back.
import type { HostPageConfig } from "../config";

export interface HostEvents {
  navigations: string[];
  toasts: string[];
  onToast(message: string): void;
  onBanner(message: string | undefined, level: string | undefined): void;
}

type Service = Record<string, unknown>;

export function makeServices(config: HostPageConfig, events: HostEvents): Record<string, Service> {
  const location: Service = {
    // Every resource area the hub uses lives on the organization URL in Azure DevOps Services.
    getResourceAreaLocation: async (_areaId: string) => config.orgUrl,
    getServiceLocation: async (_serviceInstanceType?: string, _hostType?: number) => config.orgUrl,
    routeUrl: async (routeId: string, routeValues?: Record<string, string>) => {
      const query = new URLSearchParams(routeValues ?? {}).toString();
      return `${config.orgUrl}_route/${encodeURIComponent(routeId)}${query ? "?" + query : ""}`;
    },
  };
  const projectPage: Service = {
    // Outside a project (Organization settings) the service answers no project.
    getProject: async () =>
      config.project ? { id: config.project.id, name: config.project.name } : undefined,
  };
  let hash = "";
  const hashListeners: Array<(hash: string) => void> = [];
  const navigation: Service = {
    getHash: async () => hash,
    setHash: (value: string) => {
      hash = value;
      for (const listener of hashListeners) listener(value);
    },
    replaceHash: (value: string) => {
      hash = value;
    },
    onHashChanged: (callback: (hash: string) => void) => {
      hashListeners.push(callback);
    },
    getQueryParams: async () => ({}),
    setQueryParams: () => undefined,
    getPageRoute: async () => ({
      id: "ms.vss-web.hub-route",
      routeValues: config.project ? { project: config.project.name } : {},
    }),
    getPageNavigationElements: async () => [
      config.project
        ? { id: "ms.vss-build-web.build-release-hub-group", name: "Pipelines", type: "hubGroup" }
        : { id: "ms.vss-web.collection-admin-hub-group", name: "General", type: "hubGroup" },
      { id: config.extension.contributionId, name: "StackSpot", type: "hub" },
    ],
    setDocumentTitle: (title: string) => {
      document.title = `${title} · Test host`;
    },
    // The stand-in has no pages of its own to go to: record the request and open it beside the
    // host.
    navigate: (url: string) => {
      events.navigations.push(url);
      window.open(url, "_blank", "noopener");
    },
    openNewWindow: (url: string, features: string) => {
      events.navigations.push(url);
      window.open(url, "_blank", features ? `${features},noopener` : "noopener");
    },
    reload: () => window.location.reload(),
  };
  const globalMessages: Service = {
    addToast: (toast: { message?: string }) => {
      const message = String(toast?.message ?? "");
      events.toasts.push(message);
      events.onToast(message);
    },
    addBanner: (banner: { message?: string; level?: string }) =>
      events.onBanner(String(banner?.message ?? ""), banner?.level),
    closeBanner: () => events.onBanner(undefined, undefined),
  };
  return {
    "ms.vss-features.location-service": location,
    "ms.vss-tfs-web.tfs-page-data-service": projectPage,
    "ms.vss-features.host-navigation-service": navigation,
    "ms.vss-tfs-web.tfs-global-messages-service": globalMessages,
  };
}
