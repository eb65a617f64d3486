// The command line's defences around the token, through the built CLI: no token over plain HTTP to
// a remote host, no redirect that could carry it elsewhere, names that cannot reach other URLs, a
// project answer that must be the project asked for, a client key and a token the CLI refuses
// before sending them. The harness searches every run's output for the environment's secrets.
import { useEmulator } from "../emulator/useEmulator";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";
import { connectProxy, recordingServer } from "./netServers";

beforeAll(ensureBuilt);
const emu = useEmulator();
beforeAll(() => {
  emu.addProject("Alpha");
});

describe("plain HTTP", () => {
  it("refuses a non-loopback http: organization before any request", async () => {
    const args = ["status", "--project", "Alpha", "--org-url", "http://dev.example.invalid/org"];
    const run = await runCli(args, emulatorEnv(emu));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/would send the token unencrypted/);
    expect(run.stderr).toMatch(/--allow-insecure-http/);
  });

  it("allows it with --allow-insecure-http, with a warning", async () => {
    // A proxy that tunnels every host to the emulator: a remote name, and no DNS look-up.
    const proxy = await connectProxy({ tunnelTo: Number(new URL(emu.orgUrl).port) });
    try {
      const orgUrl = "http://dev.example.invalid/demo-org";
      const args = ["status", "--project", "Alpha", "--org-url", orgUrl, "--allow-insecure-http"];
      const run = await runCli(
        args,
        emulatorEnv(emu, { HTTP_PROXY: `http://127.0.0.1:${proxy.port}` }),
      );
      expect(run.stderr).toMatch(/warning: .*unencrypted/);
      expect([0, 3]).toContain(run.code);
      expect(proxy.connects[0]).toBe("dev.example.invalid:80");
    } finally {
      await proxy.close();
    }
  });

  it("keeps loopback http: (the emulator) working without the flag", async () => {
    const run = await runCli(["status", "--project", "Alpha"], emulatorEnv(emu));
    expect(run.stderr).not.toMatch(/warning/);
    expect([0, 3]).toContain(run.code);
  });
});

it("--help documents the flag, the proxy variables and NODE_EXTRA_CA_CERTS", async () => {
  const run = await runCli(["status", "--help"], {});
  expect(run.code).toBe(0);
  for (const word of ["--allow-insecure-http", "HTTPS_PROXY", "NO_PROXY", "NODE_EXTRA_CA_CERTS"])
    expect(run.stdout).toContain(word);
  expect(run.stdout.split("\n").filter((l) => l.length > 100)).toEqual([]);
});

describe("redirects", () => {
  it("are not followed: the other origin never sees the token", async () => {
    const other = await recordingServer((_req, res) => res.writeHead(200).end("[]"));
    const redirecting = await recordingServer((req, res) =>
      res.writeHead(307, { Location: `http://127.0.0.1:${other.port}${req.url}` }).end(),
    );
    try {
      const orgUrl = `http://127.0.0.1:${redirecting.port}/org`;
      const run = await runCli(
        ["status", "--project", "Alpha", "--org-url", orgUrl],
        emulatorEnv(emu),
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/redirect/i);
      expect(redirecting.seen.length).toBeGreaterThan(0);
      expect(other.seen.filter((r) => r.authorization)).toEqual([]);
      expect(other.seen).toEqual([]);
    } finally {
      await other.close();
      await redirecting.close();
    }
  });
});

describe("names are checked before any request", () => {
  const cases: [string, string[], RegExp][] = [
    ["a path in the project", ["--project", "Demo/../Odd"], /project name .*slash/],
    ["project '.'", ["--project", "."], /project name/],
    ["project '..'", ["--project", ".."], /project name/],
    ["project starting with _", ["--project", "_x"], /project name .*underscore/],
    ["project ending with .", ["--project", "Alpha."], /project name .*period/],
    ["project too long", ["--project", "p".repeat(65)], /project name .*64/],
    ["project with ?", ["--project", "A?b"], /project name .*question mark/],
    ["repository '..'", ["--project", "Alpha", "--repository", ".."], /repository name/],
    ["repository with /", ["--project", "Alpha", "--repository", "a/b"], /repository name/],
  ];
  it.each(cases)("%s", async (_label, args, message) => {
    emu.clearRequests();
    const run = await runCli(["status", ...args], emulatorEnv(emu));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(emu.requests).toEqual([]);
  });

  it("accepts ordinary names with spaces, dots and dashes", async () => {
    emu.addProject("My Project.v2-x");
    const run = await runCli(["status", "--project", "My Project.v2-x"], emulatorEnv(emu));
    expect([0, 3]).toContain(run.code);
  });
});

describe("the project the service returns", () => {
  it("must be the one asked for", async () => {
    const server = await recordingServer((req, res) => {
      const url = req.url ?? "";
      res.setHeader("Content-Type", "application/json");
      if (/\/_apis\/projects\/Alpha\b/.test(url)) {
        res.end(JSON.stringify({ id: "0f5b1b5e-0000-4000-8000-000000000001", name: "Other" }));
      } else if (/\/_apis\/projects\b/.test(url)) res.end("[]");
      else setTimeout(() => res.writeHead(404).end("{}"), 300);
    });
    try {
      const orgUrl = `http://127.0.0.1:${server.port}/org`;
      const run = await runCli(
        ["status", "--project", "Alpha", "--org-url", orgUrl],
        emulatorEnv(emu),
      );
      expect(run.code).toBe(1);
      expect(run.all).toMatch(/answered with the project "Other" when asked for "Alpha"/);
    } finally {
      await server.close();
    }
  });
});

describe("secrets the CLI refuses before sending them", () => {
  it.each([
    ["a space", "SECRET key-with space"],
    ["a line break", "SECRET-key\nsecond-line"],
  ])("a client key with %s", async (_label, key) => {
    emu.clearRequests();
    const env = emulatorEnv(emu, { ...CREDENTIALS_ENV, STK_CLIENT_KEY: key });
    const run = await runCli(["setup", "--project", "Alpha", "--yes"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/STK_CLIENT_KEY .*cannot/);
    expect(run.all).not.toContain("second-line");
    expect(emu.requests).toEqual([]);
  });

  it.each([
    ["SYSTEM_ACCESSTOKEN", "a line break", "tok-part-one\r\ntok-part-two"],
    ["SYSTEM_ACCESSTOKEN", "a non-Latin-1 character", "tok-part-one\u20actok-part-two"],
    ["AZURE_DEVOPS_EXT_PAT", "a line break", "pat-part-one\npat-part-two"],
  ])("%s with %s names the problem", async (name, _label, token) => {
    emu.clearRequests();
    const run = await runCli(["status", "--project", "Alpha"], {
      AZURE_DEVOPS_ORG_URL: emu.orgUrl,
      [name]: token,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `The token in ${name} has a character that cannot go in an HTTP header`,
    );
    expect(run.stderr).toMatch(/copy it again/i);
    expect(run.all).not.toMatch(/part-(one|two)|position|\bU\+/);
    expect(run.stderr).not.toMatch(/could not be reached/);
    expect(emu.requests).toEqual([]);
  });
});
