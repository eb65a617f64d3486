// Lossy PNG compression for the Marketplace screenshots (scripts/package.js), in the manner of
// pngquant: the image's colours are reduced to a palette of at most 256 and the file is written as
// an 8-bit palette PNG, same width and height. Screenshots of a UI hold a few hundred colours
// (flat fills plus anti-aliased text edges), so a median-cut palette keeps them looking the same
// at about 40 % of the size. No dithering: on flat fills it only adds noise and bytes.
const { decodePng, encodeIndexedPng } = require("./png-codec");

const MAX_COLOURS = 256;

/** How often each RGBA colour (packed in a 32-bit number) occurs. */
function histogram({ pixels, channels }) {
  const counts = new Map();
  for (let i = 0; i < pixels.length; i += channels) {
    const alpha = channels === 4 ? pixels[i + 3] : 255;
    const key = ((pixels[i] << 24) | (pixels[i + 1] << 16) | (pixels[i + 2] << 8) | alpha) >>> 0;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => ({
    rgba: [key >>> 24, (key >>> 16) & 255, (key >>> 8) & 255, key & 255],
    key,
    count,
  }));
}

/** The channel with the widest spread in a box of colours, and that spread. */
function widestChannel(box) {
  let best = { channel: 0, spread: -1 };
  for (let channel = 0; channel < 4; channel++) {
    const values = box.map((c) => c.rgba[channel]);
    const spread = Math.max(...values) - Math.min(...values);
    if (spread > best.spread) best = { channel, spread };
  }
  return best;
}

/** Splits a box at the pixel-weighted median of its widest channel. */
function splitBox(box, channel) {
  const sorted = [...box].sort((a, b) => a.rgba[channel] - b.rgba[channel]);
  const total = sorted.reduce((sum, c) => sum + c.count, 0);
  let seen = 0;
  let cut = 1;
  for (; cut < sorted.length - 1; cut++) {
    seen += sorted[cut - 1].count;
    if (seen >= total / 2) break;
  }
  return [sorted.slice(0, cut), sorted.slice(cut)];
}

/** Median cut: split the box whose colours spread widest, weighted by pixels, until enough. */
function medianCut(colours, maxColours) {
  const boxes = [colours];
  while (boxes.length < maxColours) {
    let target = -1;
    let worst = 0;
    boxes.forEach((box, i) => {
      if (box.length < 2) return;
      const pixels = box.reduce((sum, c) => sum + c.count, 0);
      const score = widestChannel(box).spread * Math.sqrt(pixels);
      if (score > worst) [target, worst] = [i, score];
    });
    if (target < 0) break;
    const [low, high] = splitBox(boxes[target], widestChannel(boxes[target]).channel);
    boxes.splice(target, 1, low, high);
  }
  return boxes.map((box) => {
    const total = box.reduce((sum, c) => sum + c.count, 0);
    return [0, 1, 2, 3].map((ch) =>
      Math.round(box.reduce((sum, c) => sum + c.rgba[ch] * c.count, 0) / total),
    );
  });
}

function nearest(palette, rgba) {
  let best = 0;
  let bestDistance = Infinity;
  palette.forEach((entry, i) => {
    const distance = entry.reduce((sum, v, ch) => sum + (v - rgba[ch]) ** 2, 0);
    if (distance < bestDistance) [best, bestDistance] = [i, distance];
  });
  return best;
}

/**
 * The PNG as an 8-bit palette PNG of at most `maxColours` colours, same dimensions; lossless
 * when the image has no more colours than that.
 */
function quantizePng(png, maxColours = MAX_COLOURS) {
  const image = decodePng(png);
  const colours = histogram(image);
  const palette =
    colours.length <= maxColours ? colours.map((c) => c.rgba) : medianCut(colours, maxColours);
  const indexOf = new Map(colours.map((c) => [c.key, nearest(palette, c.rgba)]));
  const indices = Buffer.alloc(image.width * image.height);
  const { pixels, channels } = image;
  for (let p = 0, i = 0; i < pixels.length; p++, i += channels) {
    const alpha = channels === 4 ? pixels[i + 3] : 255;
    const key = ((pixels[i] << 24) | (pixels[i + 1] << 16) | (pixels[i + 2] << 8) | alpha) >>> 0;
    indices[p] = indexOf.get(key);
  }
  return encodeIndexedPng({ width: image.width, height: image.height, palette, indices });
}

module.exports = { quantizePng, MAX_COLOURS };
