// One headless Chromium per test file (the machine has 2 cores): the system's Chromium
// ($CHROMIUM_PATH, see scripts/lib/chromium.js) through playwright-core, nothing downloaded.
// playwright's launch() gives each browser a fresh temporary profile (user-data-dir) and deletes it
// on close; each test then takes its own context.
import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath as systemChromium } from "../../scripts/lib/chromium";

export const chromiumPath = systemChromium();

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}
