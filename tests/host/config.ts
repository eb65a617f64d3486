// What the test host server tells its page (embedded as JSON in the page). Shared by server and
// page.
import type { Permission } from "../emulator/types";
import type { ThemeName } from "./page/themes";

export interface HostUser {
  id: string;
  name: string;
  displayName: string;
  descriptor: string;
  imageUrl: string;
}

export interface HostExtension {
  publisherId: string;
  extensionId: string;
  version: string;
  /** Full id of the hub contribution: publisher.extension.contribution */
  contributionId: string;
  /**
   * The hub contribution's `icon` by theme (paths inside the package), as the manifest declares it.
   */
  hubIcon?: { light: string; dark: string };
}

export interface HostPageConfig {
  organization: string;
  hostId: string;
  /** The project the page is in; null on an organization-level page (Organization settings). */
  project: { id: string; name: string } | null;
  /**
   * The web address of the organization as the host serves its pages (trailing slash): where the
   * project hub of another project is, from the organization view.
   */
  webUrl: string;
  user: HostUser;
  extension: HostExtension;
  /**
   * Origin the hub is served from (a separate origin, as the Marketplace CDN is for Azure DevOps).
   */
  extensionOrigin: string;
  /** The hub page, on the extension origin. */
  hubUrl: string;
  /**
   * Organization URL the location service hands out (trailing slash); a reverse proxy to the
   * emulator.
   */
  orgUrl: string;
  /** The access token getAccessToken returns: one the emulator accepts as Bearer. */
  accessToken: string;
  theme: ThemeName;
  /** Permissions denied to the user the host plays. */
  denied: Permission[];
  /** The permissions the "user" menu offers to take away. */
  permissions: Permission[];
}
