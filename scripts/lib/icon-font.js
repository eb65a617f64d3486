// The hub's icon font: the glyphs src/hub/icons.css maps, cut out of azure-devops-ui's MDL2 font
// (58 KB) into a WOFF2 of a few KB (webpack.config.js emits it as fonts/icons.woff2). The table
// work is in ./font-subset.js; this file rebuilds the tables that name glyphs and packs WOFF2.
const fs = require("node:fs");
const zlib = require("node:zlib");
const { readWoff, readCmap4, glyphData, eachComponent, keptGlyphs } = require("./font-subset");
const { FontSubsetError } = require("./font-subset");

/** Code points of every `content: "\XXXX"` in a stylesheet, by icon class name. */
function iconCodePoints(css) {
  const icons = new Map();
  for (const m of css.matchAll(
    /\.ms-Icon--([A-Za-z0-9]+):before\s*\{[^}]*content:\s*"\\([0-9A-Fa-f]+)"/g,
  ))
    icons.set(m[1], parseInt(m[2], 16));
  return icons;
}

const pad4 = (buffer) => Buffer.concat([buffer, Buffer.alloc((4 - (buffer.length % 4)) % 4)]);

/** glyf and loca (long offsets) of the kept glyphs, composite references renumbered. */
function subsetOutlines(tables, kept) {
  const newId = new Map(kept.map((old, i) => [old, i]));
  const loca = Buffer.alloc((kept.length + 1) * 4);
  const parts = [];
  let offset = 0;
  kept.forEach((old, i) => {
    const data = Buffer.from(glyphData(tables, old));
    eachComponent(data, (at) => data.writeUInt16BE(newId.get(data.readUInt16BE(at)), at));
    const padded = pad4(data);
    loca.writeUInt32BE(offset, i * 4);
    parts.push(padded);
    offset += padded.length;
  });
  loca.writeUInt32BE(offset, kept.length * 4);
  return { glyf: Buffer.concat(parts), loca };
}

/** hmtx with one full metric per kept glyph. */
function subsetMetrics(tables, kept) {
  const metrics = tables.get("hmtx");
  const longMetrics = tables.get("hhea").readUInt16BE(34);
  const hmtx = Buffer.alloc(kept.length * 4);
  kept.forEach((old, i) => {
    const last = Math.min(old, longMetrics - 1);
    hmtx.writeUInt16BE(metrics.readUInt16BE(last * 4), i * 4);
    const lsbAt = old < longMetrics ? old * 4 + 2 : longMetrics * 4 + (old - longMetrics) * 2;
    hmtx.writeInt16BE(metrics.readInt16BE(lsbAt), i * 4 + 2);
  });
  return hmtx;
}

/** A cmap with one format 4 subtable: one segment per code point, then the 0xFFFF end. */
function buildCmap(glyphByCodePoint) {
  const points = [...glyphByCodePoint.keys()].sort((a, b) => a - b);
  const segments = points.length + 1;
  const sub = Buffer.alloc(16 + segments * 8);
  const search = 2 ** Math.floor(Math.log2(segments));
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(sub.length, 2);
  sub.writeUInt16BE(segments * 2, 6);
  sub.writeUInt16BE(search * 2, 8);
  sub.writeUInt16BE(Math.log2(search), 10);
  sub.writeUInt16BE(segments * 2 - search * 2, 12);
  const column = (n) => 14 + (n > 0 ? 2 : 0) + n * segments * 2;
  [...points, 0xffff].forEach((point, s) => {
    const glyph = glyphByCodePoint.get(point) ?? 0;
    sub.writeUInt16BE(point, column(0) + s * 2);
    sub.writeUInt16BE(point, column(1) + s * 2);
    sub.writeUInt16BE(point === 0xffff ? 1 : (glyph - point) & 0xffff, column(2) + s * 2);
  });
  const header = Buffer.from([0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12]);
  return Buffer.concat([header, sub]);
}

/** The subset's sfnt tables, by tag. */
function subsetTables(source, codePoints) {
  const { tables } = source;
  const glyphOf = readCmap4(tables.get("cmap"));
  const mapped = codePoints.map((point) => {
    const glyph = glyphOf(point);
    if (!glyph) throw new FontSubsetError(`U+${point.toString(16).toUpperCase()} has no glyph`);
    return glyph;
  });
  const kept = keptGlyphs(tables, mapped);
  const out = new Map(tables);
  out.delete("VDMX");
  const { glyf, loca } = subsetOutlines(tables, kept);
  out.set("glyf", glyf);
  out.set("loca", loca);
  out.set("hmtx", subsetMetrics(tables, kept));
  out.set("cmap", buildCmap(new Map(codePoints.map((p, i) => [p, kept.indexOf(mapped[i])]))));
  const head = Buffer.from(tables.get("head"));
  head.writeInt16BE(1, 50); // long loca offsets
  head.writeUInt32BE(0, 8); // checkSumAdjustment: WOFF2 carries no checksums
  out.set("head", head);
  const hhea = Buffer.from(tables.get("hhea"));
  hhea.writeUInt16BE(kept.length, 34);
  out.set("hhea", hhea);
  const maxp = Buffer.from(tables.get("maxp"));
  maxp.writeUInt16BE(kept.length, 4);
  out.set("maxp", maxp);
  const post = Buffer.from(tables.get("post").subarray(0, 32));
  post.writeUInt32BE(0x00030000, 0); // format 3: no glyph names
  out.set("post", post);
  return out;
}

/** WOFF2's known table tags (its index in this list is the directory's short form). */
const KNOWN_TAGS = [
  "cmap",
  "head",
  "hhea",
  "hmtx",
  "maxp",
  "name",
  "OS/2",
  "post",
  "cvt ",
  "fpgm",
  "glyf",
  "loca",
  "prep",
  "CFF ",
  "VORG",
  "EBDT",
  "EBLC",
  "gasp",
];

function uintBase128(n) {
  const bytes = [n & 0x7f];
  for (n >>>= 7; n > 0; n >>>= 7) bytes.unshift(0x80 | (n & 0x7f));
  return bytes;
}

/**
 * WOFF2 with every table stored as is: glyf and loca take the null transform (version 3), the
 * others version 0, which for them is the null one.
 */
function writeWoff2(flavor, tables) {
  const tags = [...tables.keys()].sort();
  const directory = [];
  for (const tag of tags) {
    const known = KNOWN_TAGS.indexOf(tag);
    const version = tag === "glyf" || tag === "loca" ? 3 << 6 : 0;
    directory.push(version | (known >= 0 ? known : 63));
    if (known < 0) directory.push(...Buffer.from(tag, "latin1"));
    directory.push(...uintBase128(tables.get(tag).length));
  }
  const data = Buffer.concat(tags.map((tag) => tables.get(tag)));
  const compressed = zlib.brotliCompressSync(data, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_MODE]: 2 },
  });
  const sfntSize = 12 + 16 * tags.length + tags.reduce((n, t) => n + pad4(tables.get(t)).length, 0);
  const header = Buffer.alloc(48);
  const body = pad4(Buffer.concat([Buffer.from(directory), compressed]));
  header.write("wOF2", 0, "latin1");
  header.writeUInt32BE(flavor, 4);
  header.writeUInt32BE(48 + body.length, 8);
  header.writeUInt16BE(tags.length, 12);
  header.writeUInt32BE(sfntSize, 16);
  header.writeUInt32BE(compressed.length, 20);
  header.writeUInt16BE(1, 24);
  return Buffer.concat([header, body]);
}

/** The WOFF2 holding exactly the glyphs `iconsCss` maps, cut from the WOFF 1 `sourceFont`. */
function buildIconFont(iconsCss, sourceFontPath) {
  const codePoints = [...new Set(iconCodePoints(iconsCss).values())];
  if (!codePoints.length) throw new FontSubsetError("the stylesheet maps no icon");
  const source = readWoff(fs.readFileSync(sourceFontPath));
  return writeWoff2(source.flavor, subsetTables(source, codePoints));
}

module.exports = { buildIconFont, iconCodePoints };
