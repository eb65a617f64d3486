// Lists every file a package promises: what its manifests name (assets, contributions, the task's
// execution targets) and what its pages load (the hub page's scripts and styles, the styles'
// url()s, the Marketplace page's images). The package test checks each one is inside.
import * as path from "path";
import type { Vsix } from "./vsix";

export interface Reference {
  /** Who names it, e.g. "hub contribution uri" or "dist/hub/hub.css". */
  from: string;
  /** Path inside the package. */
  path: string;
  /** A folder must hold at least one file. */
  folder?: boolean;
}

interface Contribution {
  id: string;
  type: string;
  targets?: string[];
  properties?: Record<string, unknown>;
}
interface VsoManifest {
  contributions: Contribution[];
}

export const HUB_TYPE = "ms.vss-web.hub";
export const TASK_TYPE = "ms.vss-distributed-task.task";
export const ENDPOINT_TYPE = "ms.vss-endpoint.service-endpoint-type";

/** A relative, local reference (not a URL, not a data: URI, not a fragment). */
function isLocal(ref: string): boolean {
  return ref !== "" && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(ref);
}

/** Resolves a reference written in `fromFile` to a package path. */
export function resolveFrom(fromFile: string, ref: string): string {
  const clean = ref.split(/[?#]/)[0];
  return path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), decodeURI(clean)));
}

/** `src` and `href` values of an HTML page, quoted or not (minified pages drop the quotes). */
export function htmlReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter(isLocal);
}

/** `url(…)` and `@import "…"` of a stylesheet. */
export function cssReferences(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
  const imports = [...css.matchAll(/@import\s+["']([^"']+)["']/gi)].map((m) => m[1]);
  return [...urls, ...imports].filter(isLocal);
}

/** Images and links of a Markdown page that point into the package. */
export function markdownReferences(md: string): string[] {
  return [...md.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map((m) => m[1])
    .filter(isLocal);
}

/** Paths the .vsixmanifest lists as assets. */
export function assetPaths(vsix: Vsix): string[] {
  return [...vsix.text("extension.vsixmanifest").matchAll(/<Asset\b[^>]*\bPath="([^"]+)"/g)].map(
    (m) => m[1],
  );
}

export function contributions(vsix: Vsix): Contribution[] {
  return vsix.json<VsoManifest>("extension.vsomanifest").contributions;
}

/** Everything the package promises to hold. */
export function packageReferences(vsix: Vsix): Reference[] {
  const refs: Reference[] = assetPaths(vsix).map((p) => ({
    from: "extension.vsixmanifest",
    path: p,
  }));
  for (const c of contributions(vsix)) {
    const props = c.properties ?? {};
    if (c.type === HUB_TYPE) {
      const uri = String(props.uri);
      refs.push({ from: `${c.id} uri`, path: uri });
      const icon = (props.icon ?? {}) as Record<string, string>;
      for (const [theme, p] of Object.entries(icon))
        refs.push({ from: `${c.id} icon (${theme})`, path: p });
      if (vsix.has(uri)) refs.push(...pageReferences(vsix, uri));
    }
    if (c.type === TASK_TYPE) {
      const dir = String(props.name);
      refs.push(
        { from: `${c.id} name`, path: dir, folder: true },
        { from: c.id, path: `${dir}/task.json` },
      );
      if (vsix.has(`${dir}/task.json`)) refs.push(...taskReferences(vsix, dir));
    }
  }
  const details =
    /<Asset\b[^>]*Type="Microsoft\.VisualStudio\.Services\.Content\.Details"[^>]*Path="([^"]+)"/.exec(
      vsix.text("extension.vsixmanifest"),
    );
  if (details && vsix.has(details[1])) {
    for (const ref of markdownReferences(vsix.text(details[1])))
      refs.push({ from: details[1], path: resolveFrom(details[1], ref) });
  }
  return refs;
}

/** The hub page's scripts and styles, and what the styles load in turn. */
function pageReferences(vsix: Vsix, page: string): Reference[] {
  const refs: Reference[] = [];
  for (const ref of htmlReferences(vsix.text(page))) {
    const target = resolveFrom(page, ref);
    refs.push({ from: page, path: target });
    if (target.endsWith(".css") && vsix.has(target)) {
      for (const inner of cssReferences(vsix.text(target)))
        refs.push({ from: target, path: resolveFrom(target, inner) });
    }
  }
  return refs;
}

/** The task's handlers' targets and its icon. */
function taskReferences(vsix: Vsix, dir: string): Reference[] {
  const task = vsix.json<Record<string, unknown>>(`${dir}/task.json`);
  const refs: Reference[] = [{ from: `${dir}/task.json`, path: `${dir}/icon.png` }];
  for (const key of ["execution", "prejobexecution", "postjobexecution"]) {
    for (const [handler, spec] of Object.entries(
      (task[key] ?? {}) as Record<string, { target?: string }>,
    )) {
      if (spec.target)
        refs.push({
          from: `${dir}/task.json ${key}.${handler}`,
          path: path.posix.join(dir, spec.target),
        });
    }
  }
  return refs;
}
