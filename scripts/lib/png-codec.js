// A small PNG reader and indexed-colour writer on Node's zlib, for the package build
// (scripts/lib/png-quantize.js): no image package, no native binary, no network. It reads what
// our screenshots are and what it writes (8-bit truecolour with or without alpha, or 8-bit palette;
// not interlaced) and refuses the rest by name; it writes 8-bit palette PNGs.
const zlib = require("node:zlib");

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bytes per pixel in the filtered rows, by colour type: RGB, palette index, RGBA. */
const CHANNELS_BY_COLOUR_TYPE = { 2: 3, 3: 1, 6: 4 };

class UnsupportedPngError extends Error {
  constructor(problem) {
    super(`${problem}; only 8-bit RGB, RGBA or palette PNGs without interlacing are read.`);
    this.name = "UnsupportedPngError";
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function readChunks(png) {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new UnsupportedPngError("not a PNG file");
  const chunks = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    chunks.push({
      type: png.toString("latin1", at + 4, at + 8),
      data: png.subarray(at + 8, at + 8 + length),
    });
    at += 12 + length;
  }
  return chunks;
}

function paeth(left, up, upLeft) {
  const p = left + up - upLeft;
  const pl = Math.abs(p - left);
  const pu = Math.abs(p - up);
  const pul = Math.abs(p - upLeft);
  return pl <= pu && pl <= pul ? left : pu <= pul ? up : upLeft;
}

function predict(filter, left, up, upLeft, y) {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paeth(left, up, upLeft);
    default:
      throw new UnsupportedPngError(`row ${y} has filter ${filter}`);
  }
}

/** Reverses the per-row filters (PNG spec, section 9) into raw pixel bytes. */
function unfilter(inflated, width, height, channels) {
  const stride = width * channels;
  const pixels = Buffer.alloc(stride * height);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = inflated[y * (stride + 1)];
    const line = inflated.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = pixels.subarray(y * stride, (y + 1) * stride);
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? row[x - channels] : 0;
      const up = previous[x];
      const upLeft = x >= channels ? previous[x - channels] : 0;
      row[x] = (line[x] + predict(filter, left, up, upLeft, y)) & 0xff;
    }
    previous = row;
  }
  return pixels;
}

/** Palette indices to RGBA pixels, with the tRNS chunk's alphas (opaque where it has none). */
function expandPalette(indices, chunks) {
  const plte = chunks.find((c) => c.type === "PLTE");
  if (!plte) throw new UnsupportedPngError("a palette PNG without PLTE");
  const alphas = chunks.find((c) => c.type === "tRNS")?.data ?? Buffer.alloc(0);
  const pixels = Buffer.alloc(indices.length * 4);
  indices.forEach((index, i) => {
    plte.data.copy(pixels, i * 4, index * 3, index * 3 + 3);
    pixels[i * 4 + 3] = index < alphas.length ? alphas[index] : 255;
  });
  return pixels;
}

/**
 * Truecolour pixels (palette PNGs expanded to RGBA).
 * @returns {{width: number, height: number, channels: 3 | 4, pixels: Buffer}}
 */
function decodePng(png) {
  const chunks = readChunks(png);
  const header = chunks.find((c) => c.type === "IHDR");
  if (!header) throw new UnsupportedPngError("no IHDR chunk");
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const [depth, colourType, , , interlace] = header.data.subarray(8, 13);
  const channels = CHANNELS_BY_COLOUR_TYPE[colourType];
  if (depth !== 8 || !channels || interlace !== 0)
    throw new UnsupportedPngError(
      `depth ${depth}, colour type ${colourType}, interlace ${interlace}`,
    );
  const data = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  const pixels = unfilter(zlib.inflateSync(data), width, height, channels);
  if (colourType === 3)
    return { width, height, channels: 4, pixels: expandPalette(pixels, chunks) };
  return { width, height, channels, pixels };
}

function chunk(type, data) {
  const typeAndData = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * An 8-bit palette PNG. `palette` holds [r, g, b, a] entries; `indices` one byte per pixel. Rows
 * are unfiltered, the usual best choice for palette images.
 */
function encodeIndexedPng({ width, height, palette, indices }) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++)
    indices.copy(rows, y * (width + 1) + 1, y * width, (y + 1) * width);
  const chunks = [
    chunk("IHDR", header),
    chunk("PLTE", Buffer.from(palette.flatMap(([r, g, b]) => [r, g, b]))),
  ];
  if (palette.some((entry) => entry[3] !== 255))
    chunks.push(chunk("tRNS", Buffer.from(palette.map((entry) => entry[3]))));
  const compressed = zlib.deflateSync(rows, { level: 9, memLevel: 9 });
  chunks.push(chunk("IDAT", compressed), chunk("IEND", Buffer.alloc(0)));
  return Buffer.concat([SIGNATURE, ...chunks]);
}

module.exports = { decodePng, encodeIndexedPng, UnsupportedPngError };
