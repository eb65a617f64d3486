// The hub's icons: src/hub/icons.css maps every icon name the hub shows to a glyph, the build cuts
// exactly those glyphs into fonts/icons.woff2 (scripts/lib/icon-font.js), and in Chromium every
// icon on the page draws from that font, in the light and the dark theme.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { findRepoRoot } from "../host/httpUtil";
import { useHubHarness, type HubSession } from "./harness";
import { waitForChecklist } from "./hubActions";

jest.setTimeout(300_000);

const ROOT = findRepoRoot(__dirname);
const { iconCodePoints } = require(path.join(ROOT, "scripts", "lib", "icon-font.js"));
const ICONS_CSS = fs.readFileSync(path.join(ROOT, "src", "hub", "icons.css"), "utf8");
const mapped: Map<string, number> = iconCodePoints(ICONS_CSS);

/** Icon names azure-devops-ui draws inside the components the hub uses (no iconName prop). */
const LIBRARY_ICONS = ["ChevronDownMed", "Copy", "Cancel", "CheckMark", "Error", "Warning", "Info"];

function hubSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return hubSources(file);
    return /\.tsx?$/.test(e.name) ? [file] : [];
  });
}

test("every icon name in the hubs' code and the library's components they show is mapped", () => {
  const used = new Set(LIBRARY_ICONS);
  // The organization view draws its icons with the same map.
  const files = ["hub", "organization"].flatMap((dir) => hubSources(path.join(ROOT, "src", dir)));
  for (const file of files) {
    const code = fs.readFileSync(file, "utf8");
    for (const m of code.matchAll(/iconName:\s*"([A-Za-z0-9]+)"/g)) used.add(m[1]);
  }
  expect([...used].filter((name) => !mapped.has(name))).toEqual([]);
});

/** Code points in the WOFF2's cmap (format 4; tables stored untransformed, as the build does). */
function fontCodePoints(woff2: Buffer): number[] {
  expect(woff2.toString("latin1", 0, 4)).toBe("wOF2");
  const tables = woff2.readUInt16BE(12);
  const lengths: Array<{ known: number; length: number }> = [];
  let at = 48;
  for (let t = 0; t < tables; t++) {
    const flags = woff2[at++];
    expect(flags & 0x3f).not.toBe(63); // the subset holds only known tables
    let length = 0;
    for (let byte = 0x80; byte & 0x80;) length = (length << 7) | ((byte = woff2[at++]) & 0x7f);
    lengths.push({ known: flags & 0x3f, length });
  }
  const data = zlib.brotliDecompressSync(woff2.subarray(at, at + woff2.readUInt32BE(20)));
  let offset = 0;
  let cmap = Buffer.alloc(0);
  for (const { known, length } of lengths) {
    if (known === 0) cmap = data.subarray(offset, offset + length);
    offset += length;
  }
  const sub = cmap.subarray(cmap.readUInt32BE(8));
  const segments = sub.readUInt16BE(6) / 2;
  const points: number[] = [];
  for (let s = 0; s < segments; s++) {
    const end = sub.readUInt16BE(14 + s * 2);
    const start = sub.readUInt16BE(16 + segments * 2 + s * 2);
    for (let p = start; p <= end && p !== 0xffff; p++) points.push(p);
  }
  return points;
}

test("the built icon font holds exactly the mapped glyphs, in under 5 KB of WOFF2", () => {
  const font = fs.readFileSync(path.join(ROOT, "dist", "hub", "fonts", "icons.woff2"));
  expect(font.length).toBeLessThan(5 * 1024);
  expect(fontCodePoints(font).sort()).toEqual([...new Set(mapped.values())].sort());
  expect(fs.existsSync(path.join(ROOT, "dist", "hub", "fonts", "AzDevMDL2.woff"))).toBe(false);
});

describe("in Chromium", () => {
  const h = useHubHarness();
  let session: HubSession | undefined;

  for (const theme of ["light", "dark"] as const) {
    test(`every icon on the page draws from the subset font (${theme} theme)`, async () => {
      session = await h.open(h.newProject(`Icons-${theme}`), { theme });
      await waitForChecklist(session.hub);
      const report = await session.hub.locator("body").evaluate(async () => {
        await document.fonts.ready;
        const icons = [...document.querySelectorAll<HTMLElement>("[class*='ms-Icon--']")];
        const unmapped = icons
          .filter((el) => !/^"./.test(getComputedStyle(el, "::before").content))
          .map((el) => el.className);
        const faces = [...document.fonts].filter((f) => f.family.includes("MDL2"));
        return { icons: icons.length, unmapped, faces: faces.map((f) => f.status) };
      });
      expect(report.icons).toBeGreaterThan(0);
      expect(report.unmapped).toEqual([]);
      expect(report.faces).toEqual(["loaded"]);
      const fonts = session.extensionFiles.filter((f) => /\.(woff2?|ttf)$/.test(f.path));
      expect(fonts).toEqual([{ path: "dist/hub/fonts/icons.woff2", status: 200 }]);
    });
  }
});
