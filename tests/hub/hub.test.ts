// The hub in real headless Chromium, inside the SDK test host, against the REST emulator: what a
// person does by clicking, checked in the emulator's own state. One browser for the file; each test
// has its own project and browser context.
import { EXTENSION_MARKETPLACE_URL, renderPipelineFile, runSetup } from "../../src/setup";
import { clientsFor, CREDENTIALS, creatingOptions, expectContract, writes } from "../setup/harness";
import { useHubHarness, type HubSession } from "./harness";
import {
  boltId,
  checklistItem,
  checklistStates,
  pressApply,
  pick,
  typeCredentials,
  UI_TIMEOUT,
  waitForApplyLabel,
  waitForChecklist,
  waitForIdle,
  waitForSetupEnd,
} from "./hubActions";

// A bound for a test that hangs, not a budget: each step waits for its own condition (UI_TIMEOUT
// at most), and a test makes a few dozen of them on 2 busy cores.
jest.setTimeout(300_000);

const h = useHubHarness();
let session: HubSession | undefined;

/** A project set up completely by the engine itself (PAT clients), as a starting point. */
async function setUpProject(prefix: string): Promise<string> {
  const project = h.newProject(prefix);
  const result = await runSetup(clientsFor(h.emulator), creatingOptions(project));
  expect(result.outcome).toBe("complete");
  return project;
}

test("sets up an empty project by clicks, ending in the exact contract, with the client key nowhere to be seen", async () => {
  const project = h.newProject("Empty");
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  expect(
    Object.values(await checklistStates(hub)).every((s) => s === "will-change" || s === "ok"),
  ).toBe(true);
  await hub.getByText("/stackspot.yml will be committed").waitFor();

  await typeCredentials(hub, CREDENTIALS);
  // The key is typed into a password field.
  expect(await hub.locator(boltId("ss-client-key")).getAttribute("type")).toBe("password");
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("complete");

  expectContract(h.emulator, project, creatingOptions(project));
  await waitForApplyLabel(hub, "Up to date");
  expect(Object.values(await checklistStates(hub))).toEqual([
    "ok",
    "ok",
    "ok",
    "ok",
    "ok",
    "ok",
    "ok",
  ]);
  expect(await hub.locator(".ss-progress-row[data-status=done]").count()).toBeGreaterThanOrEqual(4);
  // What the set-up created is now what the options choose, without a complaint.
  expect(await hub.locator(boltId("ss-repository")).inputValue()).toBe("repo-runner-actions");
  expect(await hub.locator(boltId("ss-credentials")).inputValue()).toBe(
    "Use an existing service connection",
  );
  expect(await hub.locator(".ss-options").innerText()).not.toMatch(/exists: choose/);

  // Ambient authentication: every REST call went out with the host's token, none with a PAT.
  const calls = await session.page.evaluate(() =>
    (window as unknown as { __testHost: { calls: { methodName: string }[] } }).__testHost.calls.map(
      (c) => c.methodName,
    ),
  );
  expect(calls).toEqual(
    expect.arrayContaining([
      "initialHandshake",
      "getService",
      "getAccessToken",
      "notifyLoadSucceeded",
    ]),
  );
  // One host round trip for the token, for all of a load and a set-up: it is cached for its life.
  expect(calls.filter((name) => name === "getAccessToken")).toHaveLength(1);
  // The client key: not in any console line, not in any URL, not left on the page.
  expect(session.output.join("\n")).not.toContain(CREDENTIALS.clientKey);
  expect(
    h.emulator.requests.some(
      (r) =>
        r.path.includes(CREDENTIALS.clientKey) ||
        JSON.stringify(r.query).includes(CREDENTIALS.clientKey),
    ),
  ).toBe(false);
  expect(await hub.locator("body").innerHTML()).not.toContain(CREDENTIALS.clientKey);
  // No script errors and no React warnings (a 404 the engine expects is logged by the browser
  // itself).
  expect(
    session.output.filter(
      (l) => /^\[(error|pageerror)\]/.test(l) && !l.includes("Failed to load resource"),
    ),
  ).toEqual([]);
});

test("with secret pipeline variables, the typed client key leaves the form and the page once set up", async () => {
  const project = h.newProject("Vars");
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await pick(hub, "ss-credentials", "Use secret pipeline variables");
  await typeCredentials(hub, CREDENTIALS);
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("complete");
  await waitForIdle(hub);

  // The variables hold the key now; the form keeps the id and realm, not the key, in its value
  // and nowhere in the DOM (no value attribute either).
  expect(await hub.locator(boltId("ss-client-key")).inputValue()).toBe("");
  expect(await hub.locator(boltId("ss-client-id")).inputValue()).toBe(CREDENTIALS.clientId);
  expect(await hub.locator("body").innerHTML()).not.toContain(CREDENTIALS.clientKey);
  expect(session.output.join("\n")).not.toContain(CREDENTIALS.clientKey);
});

test("repairs drift: variables no longer secret nor settable at queue time, and the pipeline renamed", async () => {
  const project = await setUpProject("Drift");
  const clients = clientsFor(h.emulator);
  const [def] = await clients.build.getDefinitions(project, "stackspot");
  const full = await clients.build.getDefinition(project, def.id);
  full.name = "stackspot-old";
  full.variables = {
    ...full.variables,
    secret_git: { value: "", isSecret: false, allowOverride: false },
  };
  await clients.build.updateDefinition(full, project, def.id);

  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await waitForApplyLabel(hub, "Repair");
  expect(await checklistItem(hub, "variables").getAttribute("data-state")).toBe("will-change");
  await pressApply(hub, "Repair");
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expectContract(h.emulator, project, creatingOptions(project));
  await waitForApplyLabel(hub, "Up to date");
});

test("leaves a user-edited file intact unless it is replaced through the dialog, which shows what is lost", async () => {
  const project = await setUpProject("Edited");
  const managed = renderPipelineFile(creatingOptions(project));
  const edited = managed.replace("trigger: none", "trigger: none\n# my own note: keep me");
  h.emulator.commitFile(project, "repo-runner-actions", "main", "/stackspot.yml", edited);
  // Drift elsewhere too, so "keep my file" still has work to do.
  const clients = clientsFor(h.emulator);
  const [def] = await clients.build.getDefinitions(project, "stackspot");
  const full = await clients.build.getDefinition(project, def.id);
  full.variables = {
    ...full.variables,
    secret_cli_login: { value: "", isSecret: true, allowOverride: false },
  };
  await clients.build.updateDefinition(full, project, def.id);

  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  expect(await checklistItem(hub, "pipelineFile").getAttribute("data-state")).toBe(
    "needs-decision",
  );

  // The decision is in the checklist with its choice: keep the file, until the user picks another.
  const choice = checklistItem(hub, "pipelineFile").locator(".ss-decision");
  const keep = choice.getByRole("radio", { name: "Keep my file" });
  expect(await keep.getAttribute("aria-checked")).toBe("true");

  // First time: keep the file; nothing to confirm, the rest is repaired.
  await pressApply(hub, "Repair");
  expect(await waitForSetupEnd(hub)).toBe("needs-decision");
  expect(await hub.locator(".ss-dialog-body").count()).toBe(0);
  expect(h.emulator.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(edited);
  const [after] = h.emulator.listDefinitions(project).filter((d) => d.name === "stackspot");
  expect(after.variables.secret_cli_login).toMatchObject({ isSecret: true, allowOverride: true });

  // Second time: replace it, chosen in the checklist and confirmed in the dialog, which shows
  // what is lost.
  await choice.getByRole("radio", { name: "Replace the file" }).click();
  await hub.getByText("/stackspot.yml will be replaced").waitFor({ timeout: UI_TIMEOUT });
  await pressApply(hub, "Apply changes");
  const dialog = hub.locator(".ss-dialog-body");
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  await dialog.locator(".ss-line-removed", { hasText: "# my own note: keep me" }).waitFor();
  await hub.locator(boltId("ss-decision-yes")).click();
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expect(h.emulator.getFile(project, "repo-runner-actions", "main", "/stackspot.yml")).toBe(
    managed,
  );
  expectContract(h.emulator, project, creatingOptions(project));
});

test("takes over a stackspot pipeline that runs another file only through the dialog", async () => {
  const project = h.newProject("Foreign");
  h.emulator.addRepository(project, "ci", {
    files: { "/ci.yml": "steps:\n  - script: echo hi\n" },
  });
  h.emulator.addDefinition(project, {
    name: "stackspot",
    repository: "ci",
    yamlFilename: "/ci.yml",
  });
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await typeCredentials(hub, CREDENTIALS);
  // Asked in the checklist, where the file it runs is named and what becomes of it.
  const choice = checklistItem(hub, "pipeline").locator(".ss-decision");
  expect(await choice.innerText()).toMatch(/\/ci\.yml of "ci" stays in its repository as it is/);
  await choice.getByRole("radio", { name: "Take over the pipeline" }).click();
  await pressApply(hub, "Apply changes");
  const dialog = hub.locator(".ss-dialog-body");
  await dialog.waitFor({ timeout: UI_TIMEOUT });
  const facts = await dialog.innerText();
  expect(facts).toContain("/ci.yml");
  expect(facts).toMatch(/Will run\s+\/stackspot\.yml of repo-runner-actions/);
  await hub.locator(boltId("ss-decision-yes")).click();
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expectContract(h.emulator, project, creatingOptions(project));
  // The pipeline kept its identity: the same definition now runs the StackSpot file.
  expect(h.emulator.listDefinitions(project).filter((d) => d.name === "stackspot")).toHaveLength(1);
});

test("a set-up works from the keyboard alone, including a self-hosted pool", async () => {
  const project = h.newProject("Keyboard");
  h.emulator.addQueue(project, "Linux agents");
  session = await h.open(project);
  const { hub, page } = session;
  await waitForChecklist(hub);
  const focusedId = () => hub.locator("body").evaluate(() => document.activeElement?.id ?? "");
  /**
   * Presses Tab until the element with this azure-devops-ui id has the focus (a bounded number of
   * times).
   */
  const tabTo = async (id: string) => {
    for (let i = 0; i < 60; i++) {
      if ((await focusedId()) === boltId(id).slice(1)) return;
      await page.keyboard.press("Tab");
    }
    throw new Error(`Tab never reached ${id}`);
  };
  await hub.locator("body").focus();
  await tabTo("ss-pool");
  await page.keyboard.press("Enter");
  const option = hub.locator(".bolt-dropdown [role=option]", { hasText: "Linux agents" });
  await option.waitFor({ timeout: UI_TIMEOUT });
  // The list takes the focus once its callout is open.
  await hub.locator(".bolt-dropdown:focus-within").waitFor({ timeout: UI_TIMEOUT });
  // Down the list to the queue (the callout first focuses a spot above the first row).
  const focusedText = () =>
    hub
      .locator("body")
      .evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");
  for (let i = 0; i < 5 && !(await focusedText()).includes("Linux agents"); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  await hub.locator(".bolt-dropdown").waitFor({ state: "detached", timeout: UI_TIMEOUT });
  expect(await hub.locator(boltId("ss-pool")).inputValue()).toBe("Linux agents");
  await tabTo("ss-client-id");
  await page.keyboard.type(CREDENTIALS.clientId);
  await page.keyboard.press("Tab");
  await page.keyboard.type(CREDENTIALS.clientKey);
  await page.keyboard.press("Tab");
  await page.keyboard.type(CREDENTIALS.realm);
  await hub.locator(`${boltId("ss-apply")}:not([disabled])`).waitFor({ timeout: UI_TIMEOUT });
  // The re-read the typing scheduled disables the button while it runs: Enter would be dropped.
  await waitForIdle(hub);
  await page.keyboard.down("Shift");
  await tabTo("ss-apply");
  await page.keyboard.up("Shift");
  await page.keyboard.press("Enter");
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expectContract(
    h.emulator,
    project,
    creatingOptions(project, { pool: { kind: "self-hosted", queue: "Linux agents" } }),
  );
});

test('a user without "Create repository" sees the set-up blocked on load with the permission named, and nothing in the project changes', async () => {
  const project = h.newProject("Denied");
  session = await h.open(project, { deny: ["CreateRepository"] });
  const { hub } = session;
  await waitForChecklist(hub);
  const projectWrites = () =>
    writes(h.emulator.requests).filter((r) => r.path.includes(`/${project}/`));

  // Status, before anyone presses anything: the item the permission stops, naming the permission,
  // where it is granted and what to do.
  const repository = checklistItem(hub, "repository");
  expect(await repository.getAttribute("data-state")).toBe("blocked");
  const text = await repository.innerText();
  expect(text).toContain('"Create repository"');
  expect(text).toMatch(/Project settings → Repositories/);
  expect(text).toMatch(/What to do: Ask a project administrator/);
  // ... and no change listed under it, since none will be made.
  expect(await repository.locator(".ss-check-changes").count()).toBe(0);
  await hub
    .getByText("You lack a permission the set-up needs: nothing changes until it is granted.")
    .waitFor();

  // Plan: the button cannot be pressed, and says why; no failure card, no steps "waiting".
  await typeCredentials(hub, CREDENTIALS);
  const apply = hub.locator(boltId("ss-apply"));
  expect(await apply.isDisabled()).toBe(true);
  expect(await hub.locator(".ss-blocked-reason").innerText()).toMatch(
    /The set-up cannot start: you lack the "Create repository" permission/,
  );
  expect(await hub.locator(".ss-failure").count()).toBe(0);
  expect(await hub.locator(".ss-progress-row").count()).toBe(0);

  // Nothing was written, and pressing the disabled button writes nothing either.
  expect(projectWrites()).toEqual([]);
  await apply.click({ force: true });
  await hub.locator(".ss-blocked-reason").waitFor();
  expect(projectWrites()).toEqual([]);
  expect(h.emulator.listRepositories(project)).toEqual([]);

  // The re-read the typed credentials started must be over before the permission is granted, or
  // it sees the permission and "Try again" goes (correctly: nothing is blocked any more).
  await waitForIdle(hub);
  // The button is made once, not re-created by every render: the same element stays attached
  // over a few frames (a click on a button that keeps being replaced never lands).
  const retry = await hub.locator(boltId("ss-retry-blocked")).elementHandle();
  await hub.locator("body").evaluate(
    () =>
      new Promise<void>((resolve) => {
        let frames = 0;
        const next = () => (++frames >= 5 ? resolve() : requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
  );
  expect(await retry!.evaluate((e) => e.isConnected)).toBe(true);

  // Once granted, "Try again" reads the project again and the set-up can run.
  h.emulator.allow("CreateRepository");
  await hub.locator(boltId("ss-retry-blocked")).click();
  await hub.locator(`.ss-check-row[data-item="repository"][data-state="will-change"]`).waitFor();
  expect(projectWrites()).toEqual([]);
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expectContract(h.emulator, project, creatingOptions(project));
});

test("in an organization without the extension, the status shows it blocked with the Marketplace link, and nothing is written", async () => {
  h.emulator.behave({ extensionInstalled: false });
  try {
    const project = h.newProject("NoExtension");
    session = await h.open(project);
    const { hub } = session;
    await waitForChecklist(hub);
    const extension = checklistItem(hub, "extension");
    expect(await extension.getAttribute("data-state")).toBe("blocked");
    expect(await extension.innerText()).toMatch(/extension is not installed in this organization/);
    expect(await extension.locator(`a[href="${EXTENSION_MARKETPLACE_URL}"]`).count()).toBe(1);
    await typeCredentials(hub, CREDENTIALS);
    await waitForIdle(hub);
    expect(await hub.locator(boltId("ss-apply")).isDisabled()).toBe(true);
    expect(writes(h.emulator.requests).filter((r) => r.path.includes(`/${project}/`))).toEqual([]);
  } finally {
    h.emulator.behave({ extensionInstalled: true });
  }
});

test("without the Administrator role on a self-hosted queue, Set up is blocked before any write, naming the role", async () => {
  // Authorizing the pipeline on a self-hosted queue (the hosted one is open to every pipeline)
  // takes the Administrator role on it: the check before the first write asks for it.
  const project = h.newProject("Refused");
  h.emulator.addQueue(project, "Linux agents");
  session = await h.open(project, { deny: ["AdministerPipelinePermissions"] });
  const { hub } = session;
  const projectWrites = () =>
    writes(h.emulator.requests).filter((r) => r.path.includes(`/${project}/`));
  await waitForChecklist(hub);
  await pick(hub, "ss-pool", "Linux agents");
  await typeCredentials(hub, CREDENTIALS);
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("blocked");
  const pool = checklistItem(hub, "agentPool");
  expect(await pool.getAttribute("data-state")).toBe("blocked");
  expect(await pool.innerText()).toContain('"Administrator (on the agent queue)"');
  expect(await hub.locator(".ss-failure").count()).toBe(0);
  expect(projectWrites()).toEqual([]);
  expect(h.emulator.listRepositories(project)).toEqual([]);

  h.emulator.allow("AdministerPipelinePermissions");
  // After a blocked run, "Try again" runs the set-up again.
  await hub.locator(boltId("ss-retry-blocked")).click();
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expectContract(
    h.emulator,
    project,
    creatingOptions(project, { pool: { kind: "self-hosted", queue: "Linux agents" } }),
  );
});

test("a refusal no check could foresee says partially applied, lists what changed and what did not, and Retry finishes", async () => {
  const project = h.newProject("Partial");
  h.emulator.addQueue(project, "Linux agents");
  // The permission checks answer 404 (an older server, a proxy): the set-up goes on unchecked.
  h.emulator.addFault({ route: /\/_apis\/permissions\//, status: 404, times: Infinity });
  session = await h.open(project, { deny: ["AdministerPipelinePermissions"] });
  const { hub } = session;
  await waitForChecklist(hub);
  await pick(hub, "ss-pool", "Linux agents");
  await typeCredentials(hub, CREDENTIALS);
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("failed");
  const failure = hub.locator(".ss-failure");
  const text = await failure.innerText();
  expect(text).toMatch(/Failed: Allow the pipeline "stackspot" to use the agent queue/);
  expect(text).toMatch(/Administrator/);
  expect(text).toContain("Partially applied: Retry makes only what is left.");
  expect(await failure.locator(".ss-partial-changed li").allInnerTexts()).toEqual(
    expect.arrayContaining([
      'Create the Git repository "repo-runner-actions"',
      "Add /stackspot.yml on main",
    ]),
  );
  expect(await failure.locator(".ss-partial-unchanged li").allInnerTexts()).toEqual([
    expect.stringMatching(/^Allow the pipeline "stackspot" to use the agent queue "Linux agents"/),
  ]);

  h.emulator.clearFaults();
  h.emulator.clearViolations(); // the injected 404 carries no service error body
  h.emulator.allow("AdministerPipelinePermissions");
  await hub.locator(boltId("ss-retry")).click();
  expect(await waitForSetupEnd(hub)).toBe("complete");
  expectContract(
    h.emulator,
    project,
    creatingOptions(project, { pool: { kind: "self-hosted", queue: "Linux agents" } }),
  );
});

test("on a protected branch, sets up the rest and shows the pull request that holds the file", async () => {
  const project = h.newProject("Policy");
  h.emulator.addRepository(project, "repo-runner-actions", {
    files: { "/README.md": "# runner\n" },
  });
  h.emulator.protectBranch(project, "repo-runner-actions", "main");
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await typeCredentials(hub, CREDENTIALS);
  await pressApply(hub, "Set up");
  expect(await waitForSetupEnd(hub)).toBe("waiting-for-pull-request");
  const prs = h.emulator.listPullRequests(project, "repo-runner-actions");
  expect(prs).toHaveLength(1);
  const card = hub.locator(".ss-pull-request");
  await card.waitFor();
  expect(await card.innerText()).toContain(`#${prs[0].pullRequestId}`);
  expect(await checklistItem(hub, "pipelineFile").getAttribute("data-state")).toBe(
    "waiting-for-pull-request",
  );
  expect(
    h.emulator.getFile(project, "repo-runner-actions", "main", "/stackspot.yml"),
  ).toBeUndefined();
});

test("lists the runs of stackspot with workflow execution id, state, result and a link; explains an empty list", async () => {
  const empty = h.newProject("NoRuns");
  session = await h.open(empty);
  await session.hub
    .locator(".ss-empty", { hasText: "No runs yet" })
    .waitFor({ timeout: UI_TIMEOUT });
  await session.close();

  const project = await setUpProject("Runs");
  const [def] = h.emulator.listDefinitions(project).filter((d) => d.name === "stackspot");
  const started = new Date(Date.now() - 5 * 60_000).toISOString();
  h.emulator.addRun(project, def.id, {
    state: "completed",
    result: "succeeded",
    templateParameters: { workflow_execution_id: "01HZX-done", workflow_inputs: "" },
    createdDate: started,
    finishedDate: new Date(Date.now() - 4 * 60_000).toISOString(),
  });
  h.emulator.addRun(project, def.id, {
    state: "inProgress",
    templateParameters: { workflow_execution_id: "01HZX-running", workflow_inputs: "" },
    createdDate: started,
  });
  session = await h.open(project);
  const runs = session.hub.locator(".ss-runs");
  await runs.getByText("01HZX-done").waitFor({ timeout: UI_TIMEOUT });
  const text = await runs.innerText();
  expect(text).toContain("01HZX-running");
  expect(text).toContain("Succeeded");
  expect(text).toContain("Running");
  expect(text).toContain("1m 0s");
  const links = await runs.locator("a[href*='buildId=']").all();
  expect(links).toHaveLength(2);
});

test("follows the host's theme: dark at load, light after the host switches", async () => {
  const project = h.newProject("Theme");
  session = await h.open(project, { theme: "dark" });
  const { hub, page } = session;
  await waitForChecklist(hub);
  const background = () => hub.locator("body").evaluate((b) => getComputedStyle(b).backgroundColor);
  expect(await background()).toBe("rgb(30, 30, 30)");
  expect(
    await hub
      .locator(".ss-check-row")
      .first()
      .evaluate((e) => getComputedStyle(e).color),
  ).not.toBe("rgb(0, 0, 0)");
  await page.selectOption("#host-theme", "light");
  await hub.locator("body").evaluate(
    (b) =>
      new Promise<void>((resolve) => {
        const check = () =>
          getComputedStyle(b).backgroundColor === "rgb(255, 255, 255)"
            ? resolve()
            : requestAnimationFrame(check);
        check();
      }),
  );
  expect(await background()).toBe("rgb(255, 255, 255)");
});

test("renders a repository named like markup as text", async () => {
  const project = h.newProject("Markup");
  const name = "<img src=x onerror=alert(1)>";
  h.emulator.addRepository(project, name, { files: { "/README.md": "hi\n" } });
  session = await h.open(project);
  const dialogs: string[] = [];
  session.page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { hub } = session;
  await waitForChecklist(hub);
  await pick(hub, "ss-repository", name);
  await hub
    .locator(".ss-check-row[data-item=repository]", { hasText: name })
    .waitFor({ timeout: UI_TIMEOUT });
  expect(await hub.locator("img[src=x]").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("every planned change shows what it changes from and to", async () => {
  const project = h.newProject("FromTo");
  h.emulator.addQueue(project, "Linux agents");
  const result = await runSetup(clientsFor(h.emulator), creatingOptions(project));
  expect(result.outcome).toBe("complete");
  session = await h.open(project);
  const { hub } = session;
  await waitForChecklist(hub);
  await pick(hub, "ss-pool", "Linux agents");
  const file = hub.locator(`.ss-check-row[data-item="pipelineFile"][data-state="will-change"]`);
  await file.waitFor();
  const fromTo = await file.locator(".ss-change-fromto li").allInnerTexts();
  expect(fromTo).toEqual([
    'Agent pool: Microsoft-hosted ubuntu-latest → self-hosted pool "Linux agents"',
    "/stackspot.yml: as it is (the managed file, other settings) → as generated",
  ]);
  const pool = checklistItem(hub, "agentPool");
  expect(await pool.locator(".ss-change-fromto li").allInnerTexts()).toEqual([
    'The pipeline on the agent queue "Linux agents": waits for an approval on the first run → ' +
      "allowed without approval",
  ]);
});
