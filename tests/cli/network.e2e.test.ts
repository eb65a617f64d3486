// The corporate network, through the built CLI: HTTPS_PROXY / HTTP_PROXY / NO_PROXY honoured (a
// loopback CONNECT proxy in front of the emulator), proxy credentials that work and never show, a
// failing proxy named as such, and a corporate root CA given with NODE_EXTRA_CA_CERTS (a TLS front
// with a CA made by openssl). Every output is searched for the token and the proxy password.
import * as fs from "node:fs";
import { useEmulator } from "../emulator/useEmulator";
import { CliRun, emulatorEnv, ensureBuilt, runCli, secretForms } from "./harness";
import { connectProxy, makeCa, TestCa, tlsFront } from "./netServers";

beforeAll(ensureBuilt);
const emu = useEmulator();
beforeAll(() => {
  emu.addProject("Alpha");
});

const PROXY_PASSWORD = "PROXY-pa55word-9f3e2d";

function expectNoProxyPassword(run: CliRun): void {
  for (const form of [
    ...secretForms(PROXY_PASSWORD),
    secretForms(`proxyuser:${PROXY_PASSWORD}`)[2],
  ])
    expect(run.all).not.toContain(form);
}

const emulatorHost = () => new URL(emu.orgUrl).host;
const status = ["status", "--project", "Alpha", "--verbose"];

describe("proxies", () => {
  it("sends requests through HTTP_PROXY / HTTPS_PROXY, with its credentials", async () => {
    const proxy = await connectProxy({ credentials: `proxyuser:${PROXY_PASSWORD}` });
    try {
      const proxyUrl = `http://proxyuser:${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
      const env = emulatorEnv(emu, { HTTP_PROXY: proxyUrl, HTTPS_PROXY: proxyUrl });
      const run = await runCli(status, env);
      expectNoProxyPassword(run);
      expect([0, 3]).toContain(run.code);
      expect(proxy.connects.length).toBeGreaterThan(0);
      expect(new Set(proxy.connects)).toEqual(new Set([emulatorHost()]));
      // --verbose names the proxy as host:port; undici's "experimental" notice stays out.
      expect(run.all).toContain(`proxy: 127.0.0.1:${proxy.port} (from HTTP_PROXY`);
      expect(run.all).not.toMatch(/experimental|UNDICI-EHPA/);
    } finally {
      await proxy.close();
    }
  });

  it("bypasses the proxy for NO_PROXY hosts", async () => {
    const proxy = await connectProxy();
    try {
      const proxyUrl = `http://127.0.0.1:${proxy.port}`;
      const env = emulatorEnv(emu, { HTTP_PROXY: proxyUrl, NO_PROXY: "127.0.0.1" });
      const run = await runCli(status, env);
      expect([0, 3]).toContain(run.code);
      expect(proxy.connects).toEqual([]);
    } finally {
      await proxy.close();
    }
  });

  it("names the proxy, not the organization, when the proxy refuses credentials (407)", async () => {
    const proxy = await connectProxy({ credentials: `proxyuser:${PROXY_PASSWORD}` });
    try {
      const proxyUrl = `http://proxyuser:wrong-${PROXY_PASSWORD}@127.0.0.1:${proxy.port}`;
      const run = await runCli(status, emulatorEnv(emu, { HTTP_PROXY: proxyUrl }));
      expectNoProxyPassword(run);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`proxy 127.0.0.1:${proxy.port}`);
      expect(run.stderr).toMatch(/407/);
      expect(run.stderr).not.toMatch(/proxyuser/);
    } finally {
      await proxy.close();
    }
  });

  it("names the proxy when nothing listens there", async () => {
    const proxy = await connectProxy();
    const port = proxy.port;
    await proxy.close();
    const proxyUrl = `http://proxyuser:${PROXY_PASSWORD}@127.0.0.1:${port}`;
    const run = await runCli(status, emulatorEnv(emu, { HTTP_PROXY: proxyUrl }));
    expectNoProxyPassword(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`proxy 127.0.0.1:${port}`);
    expect(run.stderr).not.toContain(`Azure DevOps at ${emulatorHost()} could not be reached`);
  });
});

describe("a corporate root CA", () => {
  let ca: TestCa;
  let front: { port: number; close(): Promise<void> };
  beforeAll(async () => {
    ca = makeCa();
    front = await tlsFront(ca, Number(new URL(emu.orgUrl).port));
  });
  afterAll(async () => {
    await front?.close();
    if (ca) fs.rmSync(ca.dir, { recursive: true, force: true });
  });
  const httpsArgs = () => [...status, "--org-url", `https://127.0.0.1:${front.port}/demo-org`];

  it("without NODE_EXTRA_CA_CERTS: a certificate error naming the remedy", async () => {
    const run = await runCli(httpsArgs(), emulatorEnv(emu));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/certificate/i);
    expect(run.stderr).toContain("NODE_EXTRA_CA_CERTS");
  });

  it("with NODE_EXTRA_CA_CERTS: the command works", async () => {
    const run = await runCli(httpsArgs(), emulatorEnv(emu, { NODE_EXTRA_CA_CERTS: ca.caFile }));
    expect([0, 3]).toContain(run.code);
  });

  it("with NODE_EXTRA_CA_CERTS through a proxy: the command works", async () => {
    const proxy = await connectProxy();
    try {
      const env = emulatorEnv(emu, {
        NODE_EXTRA_CA_CERTS: ca.caFile,
        HTTPS_PROXY: `http://127.0.0.1:${proxy.port}`,
      });
      const run = await runCli(httpsArgs(), env);
      expect([0, 3]).toContain(run.code);
      expect(proxy.connects[0]).toBe(`127.0.0.1:${front.port}`);
    } finally {
      await proxy.close();
    }
  });
});
