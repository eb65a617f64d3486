// Subsets a TrueType icon font to the code points the hub maps (src/hub/icons.css) and writes it as
// WOFF2, at build time, with Node's zlib (inflate for the WOFF 1 source, Brotli for WOFF2): no font
// package, no network. Built for azure-devops-ui's AzDevMDL2.woff: TrueType outlines (glyf), one
// glyph per code point. The subset keeps glyph 0 (.notdef), the mapped glyphs and the components
// of any composite among them, renumbered; cmap becomes one format 4 subtable, post format 3 (no
// glyph names); the hinting tables stay, VDMX (device metrics of all the old glyphs) goes.
const zlib = require("node:zlib");

class FontSubsetError extends Error {
  constructor(problem) {
    super(`icon font: ${problem}`);
    this.name = "FontSubsetError";
  }
}

/** The sfnt tables of a WOFF 1 file, by tag. */
function readWoff(woff) {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new FontSubsetError("not a WOFF 1 file");
  const tables = new Map();
  for (let i = 0; i < woff.readUInt16BE(12); i++) {
    const at = 44 + i * 20;
    const tag = woff.toString("latin1", at, at + 4);
    const [offset, compLength, origLength] = [4, 8, 12].map((d) => woff.readUInt32BE(at + d));
    const data = woff.subarray(offset, offset + compLength);
    tables.set(tag, compLength < origLength ? zlib.inflateSync(data) : Buffer.from(data));
  }
  return { flavor: woff.readUInt32BE(4), tables };
}

/** Glyph id of each code point in the font's Windows Unicode BMP cmap (format 4). */
function readCmap4(cmap) {
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const [platform, encoding] = [cmap.readUInt16BE(4 + i * 8), cmap.readUInt16BE(6 + i * 8)];
    const offset = cmap.readUInt32BE(8 + i * 8);
    if (platform !== 3 || encoding !== 1 || cmap.readUInt16BE(offset) !== 4) continue;
    const t = cmap.subarray(offset);
    const segments = t.readUInt16BE(6) / 2;
    const ends = 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const rangeOffsets = deltas + segments * 2;
    return (codePoint) => {
      for (let s = 0; s < segments; s++) {
        if (t.readUInt16BE(ends + s * 2) < codePoint) continue;
        const start = t.readUInt16BE(starts + s * 2);
        if (start > codePoint) return 0;
        const delta = t.readInt16BE(deltas + s * 2);
        const rangeOffset = t.readUInt16BE(rangeOffsets + s * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = t.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (codePoint - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new FontSubsetError("no Windows Unicode BMP (3, 1, format 4) cmap");
}

function glyphData(tables, glyph) {
  const longOffsets = tables.get("head").readInt16BE(50) === 1;
  const loca = tables.get("loca");
  const at = (i) => (longOffsets ? loca.readUInt32BE(i * 4) : loca.readUInt16BE(i * 2) * 2);
  return tables.get("glyf").subarray(at(glyph), at(glyph + 1));
}

const MORE_COMPONENTS = 0x20;
const ARGS_ARE_WORDS = 0x01;
const HAS_SCALE = 0x08;
const HAS_XY_SCALE = 0x40;
const HAS_2X2 = 0x80;

/** Calls `visit(offsetOfGlyphIndex)` for each component of a composite glyph. */
function eachComponent(data, visit) {
  if (data.length === 0 || data.readInt16BE(0) >= 0) return;
  for (let at = 10, flags = MORE_COMPONENTS; flags & MORE_COMPONENTS;) {
    flags = data.readUInt16BE(at);
    visit(at + 2);
    at += 4 + (flags & ARGS_ARE_WORDS ? 4 : 2);
    at += flags & HAS_SCALE ? 2 : flags & HAS_XY_SCALE ? 4 : flags & HAS_2X2 ? 8 : 0;
  }
}

/** Old glyph ids to keep, in new order: .notdef, the mapped glyphs, then their components. */
function keptGlyphs(tables, mapped) {
  const kept = [0];
  const add = (glyph) => {
    if (kept.includes(glyph)) return;
    kept.push(glyph);
    const data = glyphData(tables, glyph);
    eachComponent(data, (at) => add(data.readUInt16BE(at)));
  };
  mapped.forEach(add);
  return kept;
}

module.exports = { readWoff, readCmap4, glyphData, eachComponent, keptGlyphs, FontSubsetError };
