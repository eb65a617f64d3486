// Who the hub is, as the host announces it in the handshake and draws it in its navigation: read
// from the manifest of the extension root the host serves, so the test host frames exactly the
// contribution that root declares. - An unpacked .vsix: extension.vsixmanifest (publisher, id,
// version, as tfx wrote them with the overrides applied) and extension.vsomanifest (the
// contributions). - A source tree (the repository): vss-extension.json, with the version of the
// package.json beside it; the manifest's own "0.0.0" is a placeholder that scripts/package.js
// overrides with it. - A root with neither (a bare build, such as the bench's baseline page) is
// framed under the repository's identity.
import * as fs from "node:fs";
import * as path from "node:path";
import type { HostExtension } from "./config";

export interface ExtensionIdentity extends HostExtension {
  /** The hub page's path inside the package (the contribution's `uri`). */
  hubUri: string;
  /** The organization-settings hub, when the extension declares one. */
  organizationHub?: HubIdentity;
}

/** One hub contribution, as the host frames it. */
export interface HubIdentity {
  /** Full id: publisher.extension.contribution */
  contributionId: string;
  hubUri: string;
  hubIcon?: { light: string; dark: string };
}

interface Contribution {
  id?: string;
  type?: string;
  targets?: string[];
  properties?: { uri?: string; icon?: string | { light?: string; dark?: string } };
}

interface Manifest {
  publisher?: string;
  id?: string;
  version?: string;
  contributions?: Contribution[];
}

const HUB_TYPE = "ms.vss-web.hub";
/** Where each kind of hub sits: a project's Pipelines group, and Organization settings. */
const PROJECT_HUB_GROUP = "ms.vss-build-web.build-release-hub-group";
const ORGANIZATION_HUB_GROUP = "ms.vss-web.collection-admin-hub-group";
/** The manifest's version until packaging writes the real one (scripts/package.js). */
const PLACEHOLDER_VERSION = "0.0.0";

/** A manifest the host cannot frame a hub from. */
export class ExtensionManifestError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `${file}: ${problem}. Point the test host's extensionRoot at a repository checkout or an unpacked .vsix.`,
    );
    this.name = "ExtensionManifestError";
  }
}

/**
 * The identity of the extension served from `extensionRoot`. `repositoryRoot` gives the identity of
 * a root that has no manifest of its own.
 */
export function readExtensionIdentity(
  extensionRoot: string,
  repositoryRoot: string = extensionRoot,
): ExtensionIdentity {
  const repositoryVersion = packageVersion(repositoryRoot);
  const manifest =
    readPackagedManifest(extensionRoot) ??
    readSourceManifest(extensionRoot, repositoryVersion) ??
    readSourceManifest(repositoryRoot, repositoryVersion);
  if (!manifest)
    throw new ExtensionManifestError(
      path.join(extensionRoot, "vss-extension.json"),
      "no extension manifest here nor in the repository",
    );
  const { file, value } = manifest;
  if (!value.publisher || !value.id || !value.version)
    throw new ExtensionManifestError(file, "publisher, id or version missing");
  const hubs = (value.contributions ?? []).filter((c) => c.type === HUB_TYPE);
  // A bare build (the bench's baseline) declares one hub with no target the host knows.
  const projectHub =
    hubs.find((c) => c.targets?.includes(PROJECT_HUB_GROUP)) ??
    hubs.find((c) => !c.targets?.includes(ORGANIZATION_HUB_GROUP));
  const prefix = `${value.publisher}.${value.id}`;
  const main = hubIdentity(prefix, projectHub);
  if (!main)
    throw new ExtensionManifestError(file, `no ${HUB_TYPE} contribution with an id and a uri`);
  const organizationHub = hubIdentity(
    prefix,
    hubs.find((c) => c.targets?.includes(ORGANIZATION_HUB_GROUP)),
  );
  return {
    publisherId: value.publisher,
    extensionId: value.id,
    version: value.version,
    ...main,
    ...(organizationHub ? { organizationHub } : {}),
  };
}

function hubIdentity(prefix: string, hub: Contribution | undefined): HubIdentity | undefined {
  if (!hub?.id || !hub.properties?.uri) return undefined;
  const icon = hub.properties.icon;
  return {
    contributionId: `${prefix}.${hub.id}`,
    hubUri: stripSlash(hub.properties.uri),
    hubIcon:
      typeof icon === "string"
        ? { light: stripSlash(icon), dark: stripSlash(icon) }
        : icon?.light && icon.dark
          ? { light: stripSlash(icon.light), dark: stripSlash(icon.dark) }
          : undefined,
  };
}

const stripSlash = (p: string) => p.replace(/^\/+/, "");

/** An unpacked .vsix: identity from the XML manifest, contributions from the JSON one. */
function readPackagedManifest(root: string): { file: string; value: Manifest } | undefined {
  const xmlFile = path.join(root, "extension.vsixmanifest");
  const jsonFile = path.join(root, "extension.vsomanifest");
  if (!fs.existsSync(xmlFile) || !fs.existsSync(jsonFile)) return undefined;
  // One element, written by tfx: <Identity Language="…" Id="…" Publisher="…" Version="…"/>.
  const identity = /<Identity\b([^>]*)\/?>/.exec(fs.readFileSync(xmlFile, "utf8"))?.[1] ?? "";
  const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(identity)?.[1];
  const json = JSON.parse(fs.readFileSync(jsonFile, "utf8")) as Manifest;
  return {
    file: xmlFile,
    value: {
      publisher: attribute("Publisher"),
      id: attribute("Id"),
      version: attribute("Version"),
      contributions: json.contributions,
    },
  };
}

/**
 * A source tree: vss-extension.json, versioned as packaging would version it: by the package.json
 * beside it, else by its own version unless that is the placeholder, else by the repository's
 * package.json.
 */
function readSourceManifest(
  root: string,
  repositoryVersion: string | undefined,
): { file: string; value: Manifest } | undefined {
  const file = path.join(root, "vss-extension.json");
  if (!fs.existsSync(file)) return undefined;
  const value = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  const own = value.version && value.version !== PLACEHOLDER_VERSION ? value.version : undefined;
  return { file, value: { ...value, version: packageVersion(root) ?? own ?? repositoryVersion } };
}

function packageVersion(root: string): string | undefined {
  const file = path.join(root, "package.json");
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version
    : undefined;
}
