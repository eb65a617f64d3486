// The SDK test host server. Two origins on 127.0.0.1, as in Azure DevOps: - the host origin serves
//  the page that plays Azure DevOps (tests/host/page) at
//  /{organization}/{project}/_apps/hub/{contributionId}, and its controls; - the extension origin
//  plays the Marketplace CDN (the extension's files: static/, dist/hub/) and the organization URL:
//  /{organization}/... is reverse-proxied to the REST emulator. The hub then calls REST on its own
//  origin, so the emulator needs no CORS, while host and hub stay cross-origin and talk only
//  through postMessage, as they must in Azure DevOps.
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as esbuild from "esbuild";
import type { Emulator, Permission } from "../emulator/types";
import type { HostPageConfig } from "./config";
import { isThemeName, type ThemeName } from "./page/themes";
import { readExtensionIdentity } from "./extensionIdentity";
import { findRepoRoot, proxyTo, sendFile, sendText } from "./httpUtil";

export interface TestHostOptions {
  emulator: Emulator;
  /** Project opened by "/" (default "Demo"). */
  defaultProject?: string;
  /** Ports; 0 (the default) picks free ones. */
  hostPort?: number;
  extensionPort?: number;
  /** Where static/ and dist/hub/ are read from (default: the repository root). */
  extensionRoot?: string;
}

export interface PageOptions {
  theme?: ThemeName;
  deny?: Permission[];
}

export interface TestHost {
  /** http://127.0.0.1:PORT of the page that plays Azure DevOps. */
  readonly hostOrigin: string;
  /** http://127.0.0.1:PORT of the extension's files and the proxied organization URL. */
  readonly extensionOrigin: string;
  /** The hub page of the default project. */
  readonly url: string;
  /** The hub page of a project, optionally in a theme and as a user without some permissions. */
  hubPageUrl(project: string, opts?: PageOptions): string;
  /** The organization view (Organization settings → StackSpot), when the extension declares it. */
  organizationPageUrl(opts?: PageOptions): string;
  stop(): Promise<void>;
}

/** The permissions the host's "user" menu can take away (the ones set-up needs to write). */
const offeredPermissions: Permission[] = [
  "CreateRepository",
  "GenericContribute",
  "PullRequestContribute",
  "EditBuildDefinition",
  "CreateServiceEndpoint",
  "AdministerPipelinePermissions",
  "ViewQueues",
];
const allPermissions = new Set<string>([
  ...offeredPermissions,
  "ViewProject",
  "ReadRepository",
  "ViewBuildDefinition",
  "QueueBuilds",
  "ViewServiceEndpoints",
]);

export async function startTestHost(options: TestHostOptions): Promise<TestHost> {
  const { emulator } = options;
  const root = findRepoRoot(__dirname);
  const extensionRoot = options.extensionRoot ?? root;
  const identity = readExtensionIdentity(extensionRoot, root);
  const declaredIcons = new Set(Object.values(identity.hubIcon ?? {}).map((p) => `/${p}`));
  const pageDir = `${root}/tests/host/page`;
  const bundle = await esbuild.build({
    entryPoints: [`${pageDir}/main.ts`],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    logLevel: "silent",
  });
  const hostScript = bundle.outputFiles[0].text;
  let denied: Permission[] = [];
  const setDenied = (next: Permission[]) => {
    for (const p of denied) emulator.allow(p);
    for (const p of next) emulator.deny(p);
    denied = next;
  };
  const upstream = new URL(emulator.baseUrl);
  const agent = new http.Agent({ keepAlive: true });

  const extensionServer = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://x").pathname;
    if (pathname.startsWith(`/${emulator.organization}/`))
      return proxyTo(upstream, agent, req, res);
    // Only the package's web folders are served, each from its own root (no way up from there), and
    // the hub's icons wherever the manifest puts them.
    if (req.method === "GET" && declaredIcons.has(pathname))
      return sendFile(res, extensionRoot, pathname);
    const folder = ["/static/", "/dist/hub/"].find((f) => pathname.startsWith(f));
    if (req.method === "GET" && folder) {
      return sendFile(
        res,
        `${extensionRoot}${folder}`,
        `/${pathname.slice(folder.length)}`,
        "Build the hub first: npm run build",
      );
    }
    sendText(res, 404, "Not found");
  });

  const hostServer = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (req.method === "GET" && url.pathname === "/") {
      res.writeHead(302, { Location: pageUrl(options.defaultProject ?? "Demo") });
      return res.end();
    }
    if (req.method === "GET" && url.pathname === "/_host/host.js")
      return sendText(res, 200, hostScript, "text/javascript");
    if (req.method === "GET" && url.pathname === "/_host/host.css")
      return sendFile(res, pageDir, "/host.css");
    if (req.method === "POST" && url.pathname === "/_host/permissions")
      return void readPermissions(req, res);
    const match = /^\/([^/]+)\/([^/]+)\/_apps\/hub\/([^/]+)$/.exec(url.pathname);
    if (req.method === "GET" && match && decodeURIComponent(match[1]) === emulator.organization) {
      return servePage(res, decodeURIComponent(match[2]), url.searchParams);
    }
    const settings = /^\/([^/]+)\/_settings\/([^/]+)$/.exec(url.pathname);
    if (
      req.method === "GET" &&
      settings &&
      decodeURIComponent(settings[1]) === emulator.organization
    )
      return servePage(res, null, url.searchParams);
    sendText(res, 404, "Not found");
  });

  /** A project's hub page, or with `projectName` null the organization view. */
  function servePage(
    res: http.ServerResponse,
    projectName: string | null,
    query: URLSearchParams,
  ): void {
    const project = projectName === null ? null : emulator.getProject(projectName);
    if (project === undefined)
      return sendText(res, 404, `The emulator has no project named "${projectName}".`);
    const hub = project ? identity : identity.organizationHub;
    if (!hub) return sendText(res, 404, "The extension declares no organization-settings hub.");
    const deny = query.get("deny");
    // The URL names the user the page plays: with ?deny=… it is exactly a user without those
    // permissions.
    if (deny !== null) {
      try {
        setDenied(parsePermissions(deny.split(",")));
      } catch (e) {
        return sendText(res, 400, e instanceof Error ? e.message : String(e));
      }
    }
    const theme = query.get("theme");
    const config: HostPageConfig = {
      organization: emulator.organization,
      hostId: "00000000-0000-0000-0000-00000000c011",
      project: project ? { id: project.id, name: project.name } : null,
      webUrl: `${hostOrigin}/${encodeURIComponent(emulator.organization)}/`,
      user: {
        id: "00000000-0000-0000-0000-0000000000d1",
        name: "demo.user@example.com",
        displayName: "Demo User",
        descriptor: "aad.ZGVtby51c2Vy",
        imageUrl: "",
      },
      extension: { ...identity, contributionId: hub.contributionId, hubIcon: hub.hubIcon },
      extensionOrigin,
      hubUrl: `${extensionOrigin}/${hub.hubUri}`,
      orgUrl: `${extensionOrigin}/${emulator.organization}/`,
      accessToken: emulator.token,
      theme: isThemeName(theme) ? theme : "light",
      denied,
      permissions: offeredPermissions,
    };
    // JSON inside <script>: escape "<" so no value can close the element.
    const json = JSON.stringify(config).replace(/</g, "\\u003c");
    sendFile(res, pageDir, "/index.html", undefined, (html) =>
      html.replace("__HOST_CONFIG__", () => json),
    );
  }

  async function readPermissions(
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): Promise<void> {
    let body = "";
    for await (const chunk of req) body += chunk;
    try {
      const parsed = JSON.parse(body) as { deny?: unknown };
      if (!Array.isArray(parsed.deny)) throw new Error("deny must be an array of permission names");
      setDenied(parsePermissions(parsed.deny));
      sendText(res, 200, JSON.stringify({ denied }), "application/json");
    } catch (e) {
      sendText(res, 400, e instanceof Error ? e.message : String(e));
    }
  }

  const listen = (server: http.Server, port: number) =>
    new Promise<string>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
      );
    });
  const extensionOrigin = await listen(extensionServer, options.extensionPort ?? 0);
  const hostOrigin = await listen(hostServer, options.hostPort ?? 0).catch(async (e: unknown) => {
    await close(extensionServer);
    throw e;
  });

  function pageQuery(opts: PageOptions): string {
    const query = new URLSearchParams();
    if (opts.theme) query.set("theme", opts.theme);
    if (opts.deny) query.set("deny", opts.deny.join(","));
    const q = query.toString();
    return q ? `?${q}` : "";
  }
  const orgPath = () => `${hostOrigin}/${encodeURIComponent(emulator.organization)}`;
  function pageUrl(project: string, opts: PageOptions = {}): string {
    const hub = `${encodeURIComponent(project)}/_apps/hub/${identity.contributionId}`;
    return `${orgPath()}/${hub}${pageQuery(opts)}`;
  }
  // Azure DevOps serves Organization settings pages at /{organization}/_settings/{hub}.
  function organizationPageUrl(opts: PageOptions = {}): string {
    const hub = identity.organizationHub;
    if (!hub) throw new Error("The extension declares no organization-settings hub.");
    return `${orgPath()}/_settings/${hub.contributionId}${pageQuery(opts)}`;
  }

  return {
    hostOrigin,
    extensionOrigin,
    url: pageUrl(options.defaultProject ?? "Demo"),
    hubPageUrl: pageUrl,
    organizationPageUrl,
    stop: async () => {
      setDenied([]);
      agent.destroy();
      await Promise.all([close(hostServer), close(extensionServer)]);
    },
  };
}

function parsePermissions(names: unknown[]): Permission[] {
  const list = names.filter((n): n is string => typeof n === "string" && n.length > 0);
  const unknown = list.filter((n) => !allPermissions.has(n));
  if (unknown.length) throw new Error(`Unknown permission: ${unknown.join(", ")}`);
  return list as Permission[];
}

function close(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
