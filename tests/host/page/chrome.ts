// The test host's own page furniture: a top bar and a project navigation shaped like Azure DevOps',
// the frame that holds the hub, and the two controls a tester needs (theme, and which user to
// play).
import type { HostPageConfig } from "../config";
import type { ThemeName } from "./themes";

export interface ChromeActions {
  onTheme(name: ThemeName): void;
  onDeny(denied: string[]): void;
}

export interface Chrome {
  frame: HTMLIFrameElement;
  setLoading(loading: boolean): void;
  showToast(message: string): void;
  showBanner(message: string | undefined, level: string | undefined): void;
}

/** Creates an element with attributes and children; text is always set as text, never as markup. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

const permissionLabels: Record<string, string> = {
  CreateRepository: "Create repository",
  GenericContribute: "Contribute (push)",
  PullRequestContribute: "Contribute to pull requests",
  EditBuildDefinition: "Edit build pipeline",
  QueueBuilds: "Queue builds",
  CreateServiceEndpoint: "Create service connections",
  AdministerPipelinePermissions: "Administer pipeline permissions",
  ViewQueues: "View agent queues",
  ViewServiceEndpoints: "View service connections",
  ViewBuildDefinition: "View build pipelines",
  ReadRepository: "Read repositories",
  ViewProject: "View project",
};

export function renderChrome(
  body: HTMLElement,
  config: HostPageConfig,
  actions: ChromeActions,
): Chrome {
  // The hub's icon as the manifest declares it (its "icon" property), served from the extension's
  // origin.
  const declaredIcon = config.extension.hubIcon;
  const hubIcon = (theme: string) =>
    declaredIcon
      ? `${config.extensionOrigin}/${declaredIcon[theme === "dark" ? "dark" : "light"]}`
      : "";

  const themeSelect = el(
    "select",
    { id: "host-theme", "aria-label": "Theme" },
    el("option", { value: "light" }, "Light theme"),
    el("option", { value: "dark" }, "Dark theme"),
  );
  themeSelect.value = config.theme;
  themeSelect.addEventListener("change", () => actions.onTheme(themeSelect.value as ThemeName));

  const userSelect = el(
    "select",
    { id: "host-user", "aria-label": "User the host plays" },
    el("option", { value: "" }, `${config.user.displayName}: all permissions`),
  );
  for (const permission of config.permissions) {
    userSelect.append(
      el(
        "option",
        { value: permission },
        `${config.user.displayName} without "${permissionLabels[permission] ?? permission}"`,
      ),
    );
  }
  userSelect.value = config.denied.length === 1 ? config.denied[0] : "";
  userSelect.addEventListener("change", () =>
    actions.onDeny(userSelect.value ? [userSelect.value] : []),
  );

  const top = el(
    "header",
    { class: "host-top" },
    el("span", { class: "host-logo", "aria-hidden": "true" }),
    el(
      "nav",
      { class: "host-breadcrumb", "aria-label": "Breadcrumb" },
      el("span", {}, config.organization),
      el("span", { class: "sep" }, "/"),
      el("span", {}, config.project ? config.project.name : "Organization settings"),
      el("span", { class: "sep" }, "/"),
      el("span", {}, config.project ? "Pipelines" : "General"),
      el("span", { class: "sep" }, "/"),
      el("span", { class: "current" }, "StackSpot"),
    ),
    el(
      "span",
      {
        class: "host-badge",
        title: "A local stand-in for the Azure DevOps page, for tests and the playground",
      },
      "Local test host",
    ),
    el("span", { class: "host-controls" }, themeSelect, userSelect),
  );

  const icon = el("img", { class: "host-nav-icon", alt: "", src: hubIcon(config.theme) });
  // No icon declared, or none served: no broken image in the navigation.
  icon.hidden = !declaredIcon;
  icon.addEventListener("error", () => (icon.hidden = true));
  icon.addEventListener("load", () => (icon.hidden = false));
  themeSelect.addEventListener("change", () =>
    icon.setAttribute("src", hubIcon(themeSelect.value)),
  );
  const navItem = (label: string, current = false) =>
    el(
      "li",
      current ? { class: "current", "aria-current": "page" } : {},
      ...(current ? [icon, label] : [label]),
    );
  const nav = config.project
    ? el(
        "nav",
        { class: "host-nav", "aria-label": "Project" },
        el("div", { class: "host-project" }, config.project.name),
        el("ul", {}, navItem("Overview"), navItem("Boards"), navItem("Repos")),
        el("div", { class: "host-group" }, "Pipelines"),
        el(
          "ul",
          {},
          navItem("Pipelines"),
          navItem("Environments"),
          navItem("Releases"),
          navItem("Library"),
          navItem("StackSpot", true),
        ),
      )
    : el(
        "nav",
        { class: "host-nav", "aria-label": "Organization settings" },
        el("div", { class: "host-project" }, "Organization settings"),
        el("div", { class: "host-group" }, "General"),
        el("ul", {}, navItem("Overview"), navItem("Projects"), navItem("StackSpot", true)),
        el("div", { class: "host-group" }, "Security"),
        el("ul", {}, navItem("Policies"), navItem("Permissions")),
      );

  const banner = el("div", { class: "host-banner", role: "alert", hidden: "" });
  const loading = el("div", { class: "host-loading", role: "status" }, "Loading extension…");
  const frame = el("iframe", {
    id: "hub-frame",
    title: "StackSpot",
    // Azure DevOps frames extension content in a sandbox of this shape.
    sandbox:
      "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-downloads allow-modals",
    allow: "clipboard-write",
  });
  const main = el("main", { class: "host-main" }, banner, loading, frame);
  const toasts = el("div", { class: "host-toasts", "aria-live": "polite" });
  body.append(top, el("div", { class: "host-body" }, nav, main), toasts);

  return {
    frame,
    setLoading: (on) => {
      loading.hidden = !on;
    },
    showToast: (message) => {
      const toast = el("div", { class: "host-toast" }, message);
      toasts.append(toast);
      setTimeout(() => toast.remove(), 5000);
    },
    showBanner: (message, level) => {
      banner.hidden = !message;
      banner.textContent = message ?? "";
      banner.dataset.level = level ?? "info";
    },
  };
}
