// One headless Chromium per test file (the machine has 2 cores): Debian's /usr/bin/chromium through
// playwright-core, nothing downloaded. playwright's launch() gives each browser a fresh temporary
// profile (user-data-dir) and deletes it on close; each test then takes its own context.
import { chromium, type Browser } from "playwright-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: chromiumArgs });
}
