// Who the hub is, as the host announces it in the handshake: read from the extension manifest when it
// exists, so the test host frames exactly the contribution the package declares.
import * as fs from "node:fs";
import * as path from "node:path";
import type { HostExtension } from "./config";

export interface ExtensionIdentity extends HostExtension {
  /** The hub page's path inside the package (the contribution's `uri`). */
  hubUri: string;
}

interface Manifest {
  publisher?: string;
  id?: string;
  version?: string;
  contributions?: Array<{ id?: string; type?: string; properties?: { uri?: string } }>;
}

export function readExtensionIdentity(root: string): ExtensionIdentity {
  const fallback = { publisher: "stackspot", id: "stackspot-azure-devops", version: "1.0.0" };
  let manifest: Manifest = {};
  const file = path.join(root, "vss-extension.json");
  if (fs.existsSync(file)) manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  const publisherId = manifest.publisher ?? fallback.publisher;
  const extensionId = manifest.id ?? fallback.id;
  const hub = manifest.contributions?.find((c) => c.type === "ms.vss-web.hub");
  return {
    publisherId,
    extensionId,
    version: manifest.version ?? fallback.version,
    contributionId: `${publisherId}.${extensionId}.${hub?.id ?? "stackspot-hub"}`,
    hubUri: (hub?.properties?.uri ?? "static/hub.html").replace(/^\/+/, ""),
  };
}
