// What goes wrong before any project runs, through the built CLI: bad flags and commands (exit 2
// with a hint), a missing token or organization URL (exit 2), an unreachable or wrong organization
// and a refused token (exit 1), --help for every command; and the token absent from all output,
// --verbose included. The harness searches every run's stdout and stderr for the environment's
// secrets.
import * as net from "node:net";
import { useEmulator } from "../emulator/useEmulator";
import { allRuns, CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli, secretsOf } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();
beforeAll(() => {
  emu.addProject("Alpha");
});

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("usage errors exit 2 with a message and a hint, before any request", () => {
  const cases: [string, string[], RegExp][] = [
    [
      "unknown flag",
      ["setup", "--project", "Alpha", "--projcet", "x"],
      /Unknown option --projcet for "setup"\. Did you mean --project\?/,
    ],
    [
      "flag of another command",
      ["status", "--project", "Alpha", "--yes"],
      /Unknown option --yes for "status"\. It is an option of "plan" and "setup"\./,
    ],
    [
      "secret as a flag",
      ["setup", "--project", "Alpha", "--pat=hunter2-not-echoed"],
      /secrets are never given as flags/,
    ],
    [
      "unknown command",
      ["stup", "--project", "Alpha"],
      /Unknown command "stup"\. Did you mean "setup"\?/,
    ],
    ["options before the command", ["--project", "Alpha", "setup"], /The command must come first/],
    ["no project", ["status"], /No project given\./],
    [
      "both project and all",
      ["status", "--project", "Alpha", "--all-projects"],
      /either --project or --all-projects, not both/,
    ],
    ["missing value", ["status", "--project"], /--project needs a value/],
    ["stray argument", ["status", "--project", "Alpha", "Beta"], /Unexpected argument "Beta"/],
    [
      "bad concurrency",
      ["setup", "--project", "Alpha", "--concurrency", "0"],
      /--concurrency must be a whole number from 1 to 64/,
    ],
    [
      "non-numeric concurrency",
      ["setup", "--project", "Alpha", "--concurrency", "lots"],
      /--concurrency must be a whole number/,
    ],
    [
      "line break in a name",
      ["setup", "--project", "Alpha", "--repository", "a\nb"],
      /repository name contains a line break/,
    ],
  ];
  it.each(cases)("%s", async (_label, args, message) => {
    emu.clearRequests();
    const run = await runCli(args, emulatorEnv(emu));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/^stackspot-ado: /);
    // message, then what to do
    expect(run.stderr.split("\n").filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(run.stderr).not.toContain("hunter2");
    expect(emu.requests).toEqual([]);
  });

  it("a missing token", async () => {
    const run = await runCli(["status", "--project", "Alpha"], {
      AZURE_DEVOPS_ORG_URL: emu.orgUrl,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "No Azure DevOps token: neither AZURE_DEVOPS_EXT_PAT nor SYSTEM_ACCESSTOKEN is set.",
    );
    expect(run.stderr).toContain("SYSTEM_ACCESSTOKEN: $(System.AccessToken)");
  });

  it("a missing organization URL", async () => {
    const run = await runCli(["status", "--project", "Alpha"], { AZURE_DEVOPS_EXT_PAT: emu.token });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("No organization URL.");
  });

  it("an organization URL carrying credentials, without echoing it", async () => {
    const run = await runCli(
      ["status", "--project", "Alpha", "--org-url", `http://user:${emu.token}@127.0.0.1:1/org/`],
      emulatorEnv(emu),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("contains credentials");
  });

  it("StackSpot credentials given in part", async () => {
    const run = await runCli(
      ["setup", "--project", "Alpha"],
      emulatorEnv(emu, { STK_CLIENT_ID: "id", STK_CLIENT_KEY: "SECRET-partial-key" }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("STK_CLIENT_ID and STK_CLIENT_KEY are set but STK_REALM is not.");
  });
});

describe("the organization cannot be used: exit 1, with what to check", () => {
  it("unreachable", async () => {
    const port = await closedPort();
    const run = await runCli(["setup", "--project", "Alpha", "--project", "Beta", "--verbose"], {
      AZURE_DEVOPS_EXT_PAT: emu.token,
      AZURE_DEVOPS_ORG_URL: `http://127.0.0.1:${port}/acme`,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Could not reach Azure DevOps at http://127.0.0.1:${port}/acme/`);
    expect(run.stderr).toContain("Check the organization URL (from AZURE_DEVOPS_ORG_URL)");
    // One organization check with one retry, then stop: no project is tried (no retry storm per
    // project).
    const attempts = run.stdout.split("\n").filter((l) => l.includes(" → "));
    expect(attempts).toEqual([
      "  GET /acme/_apis/projects → NetworkError",
      "  GET /acme/_apis/projects → NetworkError (attempt 2)",
    ]);
  });

  it("a token the organization refuses", async () => {
    const run = await runCli(["status", "--project", "Alpha", "--verbose"], {
      AZURE_DEVOPS_ORG_URL: emu.orgUrl,
      AZURE_DEVOPS_EXT_PAT: "wrong-token-value-1234567890",
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("did not accept the token from AZURE_DEVOPS_EXT_PAT");
  });

  it("no organization at that URL", async () => {
    const run = await runCli(["status", "--project", "Alpha", "--json"], {
      AZURE_DEVOPS_ORG_URL: `${emu.baseUrl}/no-such-org`,
      AZURE_DEVOPS_EXT_PAT: emu.token,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `There is no Azure DevOps organization at ${emu.baseUrl}/no-such-org/`,
    );
    expect(JSON.parse(run.stdout)).toMatchObject({
      exitCode: 1,
      error: { message: expect.stringContaining("no Azure DevOps organization") },
    });
  });

  it("a project that does not exist fails alone; the others complete", async () => {
    const run = await runCli(
      ["status", "--project", "Nope", "--project", "Alpha"],
      emulatorEnv(emu),
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Azure DevOps could not find the project "Nope".');
    expect(run.stdout).toMatch(
      /Alpha\s+needs a decision\s+Set STK_CLIENT_ID, STK_CLIENT_KEY and STK_REALM/,
    );
  });
});

describe("--help", () => {
  it.each([["status"], ["plan"], ["setup"]])(
    "%s --help shows its usage and examples",
    async (command) => {
      for (const args of [
        [command, "--help"],
        ["help", command],
        [command, "-h", "--no-such-flag"],
      ]) {
        const run = await runCli(args, {});
        expect([args, run.code]).toEqual([args, 0]);
        expect(run.stdout).toContain(
          `Usage: stackspot-ado ${command} (--project NAME ... | --all-projects) [options]`,
        );
        expect(run.stdout).toContain("Examples:");
        expect(run.stdout).toContain("Exit codes:");
      }
    },
  );

  it("the overview lists the commands; --version prints the package version", async () => {
    const help = await runCli(["--help"], {});
    expect(help.code).toBe(0);
    for (const c of ["status", "plan", "setup"])
      expect(help.stdout).toMatch(new RegExp(`^  ${c} `, "m"));
    // Given no command at all, the help answers a usage error: on stderr, exit 2.
    const none = await runCli([], {});
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toBe(help.stdout);
    const version = await runCli(["--version"], {});
    expect(version.stdout).toBe(`stackspot-ado ${require("../../package.json").version}\n`);
  });
});

describe("the token never appears in output", () => {
  it("not in --verbose, which logs every request", async () => {
    emu.addProject("Verbose");
    const env = emulatorEnv(emu, CREDENTIALS_ENV);
    const run = await runCli(["setup", "--project", "Verbose", "--verbose"], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("token: from AZURE_DEVOPS_EXT_PAT, sent as Basic");
    expect(run.stdout).toMatch(/POST \/demo-org\/Verbose\/_apis\/build\/definitions → 200/);
    const json = await runCli(["status", "--project", "Verbose", "--verbose", "--json"], env);
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/GET \/demo-org\/Verbose\/_apis\/build\/definitions → 200/);
    expect(JSON.parse(json.stdout).projects[0].status).toBe("ready");
  });

  it("masked even where the user puts it by mistake (as a project name)", async () => {
    const run = await runCli(["status", "--project", emu.token], emulatorEnv(emu));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Azure DevOps could not find the project "***".');
  });

  it("in no run of this file (stdout and stderr searched for the token, its Basic form and the client key)", () => {
    expect(allRuns.length).toBeGreaterThan(20);
    const withSecrets = allRuns.filter((r) => secretsOf(r.env).length);
    expect(withSecrets.length).toBeGreaterThan(15);
    for (const r of withSecrets)
      for (const s of secretsOf(r.env)) expect(r.run.all.includes(s)).toBe(false);
  });
});
