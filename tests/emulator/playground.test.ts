// The demo seeding (through the real clients) and `npm start` as a user runs it: a child process
// that prints its URLs, serves the page, and stops on Ctrl-C.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { startEmulator } from "./index";
import { seedDemo } from "./demo";
import { clientsFor } from "./clients";

it("seeds the demo organization", async () => {
  const emu = await startEmulator();
  try {
    seedDemo(emu);
    const c = clientsFor(emu);
    expect((await c.core.getProjects()).map((p) => p.name)).toEqual(["Demo"]);
    expect((await c.git.getRepositories("Demo")).map((r) => r.name)).toEqual([
      "infrastructure",
      "web-app",
    ]);
    const queues = await c.taskAgent.getAgentQueues("Demo");
    expect(queues.map((q) => [q.name, q.pool.isHosted])).toEqual([
      ["Azure Pipelines", true],
      ["Self-Hosted Linux", false],
    ]);
    expect((await c.build.getDefinitions("Demo")).map((d) => d.name)).toEqual(["web-app CI"]);
  } finally {
    await emu.stop();
  }
});

it("npm start prints the page's URL, serves it, and stops on SIGINT", async () => {
  const root = path.resolve(__dirname, "..", "..");
  const child = spawn(process.execPath, [path.join(root, "scripts", "start.js")], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  // The first 127.0.0.1 URL printed is the page to open (whatever the page becomes: today a
  // placeholder, later the hub in the SDK test host, which may build the hub first).
  const firstUrl = () => /(http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out)?.[1];
  try {
    const deadline = Date.now() + 110_000;
    while (!/Ctrl-C/.test(out) && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    expect(firstUrl()).toBeDefined();
    const page = await fetch(firstUrl()!);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    // Both hubs, labelled: the project hub and the organization view.
    const projectHub = /Project hub: +(\S+)/.exec(out)?.[1];
    const organizationView = /Organization view: +(\S+)/.exec(out)?.[1];
    expect(projectHub).toBe(firstUrl());
    expect(organizationView).toMatch(/\/_settings\//);
    const org = await fetch(organizationView!);
    expect(org.status).toBe(200);
    expect(await org.text()).toContain("organization.html");
    await theCommandItPrintsWorks(root, out);
  } finally {
    child.kill("SIGINT");
  }
  expect(await exited).toBe(0);
  expect(out).toContain("Playground stopped.");
}, 120_000);

/**
 * The playground prints the organization URL, the token and the exact `stackspot-ado status`
 * command: run as printed (its variable and arguments split on spaces, no shell), it reads the
 * demo project.
 */
async function theCommandItPrintsWorks(root: string, out: string): Promise<void> {
  const orgUrl = /Organization URL: (\S+)/.exec(out)?.[1];
  const token = /Token: (\S+)/.exec(out)?.[1];
  const line = /^ +(AZURE_DEVOPS_EXT_PAT=\S+ node \S+ status .*)$/m.exec(out)?.[1];
  expect(orgUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
  expect(token).toBeTruthy();
  expect(line).toBe(
    `AZURE_DEVOPS_EXT_PAT=${token} node dist/cli/stackspot-ado.js status ` +
      `--org-url ${orgUrl} --project Demo`,
  );
  const [assignment, , script, ...args] = line!.split(" ");
  const [name, value] = assignment.split("=");
  const run = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", [name]: value },
    encoding: "utf8",
  });
  expect(run.stderr).toBe("");
  expect(run.stdout).toMatch(/Demo: /);
  expect(run.status).toBe(3); // the demo project is not set up yet
}
