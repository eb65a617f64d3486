// The one place that says which Chromium the browser tests, the benchmarks and the screenshots
// drive: $CHROMIUM_PATH, or Debian's /usr/bin/chromium (nothing is downloaded). Plain JavaScript so
// scripts require it as it is; tests and benches import it through chromium.d.ts.
const DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium";

/** The Chromium executable to launch (an empty CHROMIUM_PATH counts as unset). */
function chromiumPath(env = process.env) {
  return env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
}

module.exports = { DEFAULT_CHROMIUM_PATH, chromiumPath };
