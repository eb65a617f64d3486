#!/usr/bin/env node
// Takes the Marketplace screenshots from the playground (`npm start`): the project hub light and
// dark, before and after a set-up of the demo project, and the organization view light and dark.
// Writes static/screenshots/*.png.
//   node scripts/screenshots.js [OUTDIR]
const { spawn } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { chromium } = require("playwright-core");
const { CHROMIUM_ARGS, chromiumPath } = require("./lib/chromium");

const root = path.resolve(__dirname, "..");
const outDir = path.resolve(process.argv[2] || path.join(root, "static", "screenshots"));
const viewport = { width: 1280, height: 800 };
const TIMEOUT = 120000;

function startPlayground() {
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.js")], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PLAYGROUND_PORT: "0", PLAYGROUND_CDN_PORT: "0" },
  });
  let output = "";
  const url = new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const match = /Project hub: +(http:\/\/127\.0\.0\.1:\d+\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr.on("data", (chunk) => (output += chunk));
    child.once("exit", (code) => reject(new Error(`the playground exited (${code}):\n${output}`)));
  });
  return { child, url };
}

async function stopPlayground(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid, "SIGINT");
  await exited;
}

/** An azure-devops-ui id as rendered: "__bolt-" + id. */
const bolt = (id) => `#__bolt-${id}`;

async function openHub(browser, url, theme) {
  const page = await browser.newPage({ viewport });
  const u = new URL(url);
  u.searchParams.set("theme", theme);
  await page.goto(u.toString());
  const hub = page.frameLocator("#hub-frame");
  await hub.locator('.ss-check-row[data-item="repository"]').waitFor({ timeout: TIMEOUT });
  await hub.locator('.ss-status[data-planning="false"]').waitFor({ timeout: TIMEOUT });
  await hub.locator(".ss-runs").waitFor({ timeout: TIMEOUT });
  return { page, hub };
}

/** The organization view of the playground's organization, once every project is read. */
async function openOrganization(browser, projectHubUrl, theme) {
  const page = await browser.newPage({ viewport });
  const u = new URL(projectHubUrl);
  const organization = u.pathname.split("/")[1];
  const hubId = u.pathname
    .split("/")
    .pop()
    .replace(/stackspot-hub$/, "stackspot-organization-hub");
  await page.goto(`${u.origin}/${organization}/_settings/${hubId}?theme=${theme}`);
  const view = page.frameLocator("#hub-frame");
  await view.getByText(/^Read all \d+ projects$/).waitFor({ timeout: TIMEOUT });
  await page.waitForTimeout(300); // the last rows' paint
  return page;
}

async function shoot(page, name) {
  const file = path.join(outDir, `${name}.png`);
  // The Marketplace shows the hub, not the test host's own controls.
  const hideControls = await page.addStyleTag({
    content: ".host-badge, .host-controls { visibility: hidden; }",
  });
  // No tooltip: the pointer leaves the header's action it may have pressed.
  await page.mouse.move(0, 0);
  await page
    .frameLocator("#hub-frame")
    .locator(".bolt-tooltip")
    .waitFor({ state: "detached", timeout: TIMEOUT });
  // The top of the hub (a set-up leaves the focus, and the scroll, at its progress list).
  await page
    .frameLocator("#hub-frame")
    .locator("body")
    .evaluate(async () => {
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      for (const e of Array.from(document.querySelectorAll("*")))
        if (e.scrollTop > 0) e.scrollTop = 0;
      window.scrollTo(0, 0);
      await document.fonts.ready;
    });
  await page.evaluate(() => document.fonts.ready);
  // Nothing may float over the page in a Marketplace image: no toast of the hub's, none of the
  // host's.
  const floating =
    (await page.frameLocator("#hub-frame").locator(".bolt-toast").count()) +
    (await page.locator(".host-toast").count());
  if (floating) throw new Error(`${name}: a toast is on screen; wait for it to go before the shot`);
  await page.screenshot({ path: file });
  await hideControls.evaluate((style) => style.remove());
  console.log(
    `screenshots: ${path.relative(root, file)} (${Math.round(fs.statSync(file).size / 1024)} KB)`,
  );
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const { child, url } = startPlayground();
  let browser;
  try {
    const address = await url;
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: [...CHROMIUM_ARGS, "--hide-scrollbars"],
    });
    for (const theme of ["light", "dark"]) {
      const { page } = await openHub(browser, address, theme);
      await shoot(page, `hub-${theme}-before`);
      await page.close();
    }
    const { page, hub } = await openHub(browser, address, "light");
    await hub.locator(bolt("ss-client-id")).fill("3f6c2a71-demo-client");
    await hub.locator(bolt("ss-client-key")).fill("demo-client-key");
    await hub.locator(bolt("ss-realm")).fill("acme");
    await hub.locator(`${bolt("ss-apply")}:not([disabled])`).click();
    await hub
      .locator('.ss-plan[data-applying="false"][data-outcome="complete"]')
      .waitFor({ timeout: TIMEOUT });
    await hub.locator('.ss-status[data-planning="false"]').waitFor({ timeout: TIMEOUT });
    // The hub says "StackSpot is set up" in a toast over its content for a few seconds: the
    // Marketplace images show the page once it is gone (it shows when the set-up ends, so it is
    // there to wait for).
    const toast = hub.locator(".bolt-toast");
    await toast.waitFor({ state: "visible", timeout: TIMEOUT });
    await toast.waitFor({ state: "detached", timeout: TIMEOUT });
    await shoot(page, "hub-light-after");
    await page.selectOption("#host-theme", "dark");
    await hub.locator("body").evaluate(
      (b) =>
        new Promise((resolve) => {
          const check = () =>
            getComputedStyle(b).backgroundColor !== "rgb(255, 255, 255)"
              ? resolve()
              : requestAnimationFrame(check);
          check();
        }),
    );
    await shoot(page, "hub-dark-after");
    await page.close();
    for (const theme of ["light", "dark"]) {
      const org = await openOrganization(browser, address, theme);
      await shoot(org, `organization-${theme}`);
      await org.close();
    }
  } finally {
    await browser?.close();
    await stopPlayground(child);
  }
}

main().catch((e) => {
  console.error(`screenshots: ${e.stack || e}`);
  process.exit(1);
});
