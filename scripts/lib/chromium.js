// The one place that says which Chromium the browser tests, the benchmarks and the screenshots
// drive: $CHROMIUM_PATH, or Debian's /usr/bin/chromium (nothing is downloaded). Plain JavaScript so
// scripts require it as it is; tests and benches import it through chromium.d.ts.
const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The Chromium executable to launch (an empty CHROMIUM_PATH counts as unset). */
function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

/**
 * Headless, as root on a closed network: no sandbox (root), no GPU, and none of the background
 * connections (updates, sync, component downloads) that a machine without internet refuses.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

module.exports = { DEFAULT_CHROMIUM_PATH, CHROMIUM_ARGS, chromiumPath };
