// The CLI's network rules as functions: which hosts count as loopback for http:, and which failures
// are the proxy's (so that the message names it, without its credentials).
import { ProxyError } from "../../src/ado";
import { isLoopback, proxyFailure, proxyFor, proxySecrets } from "../../src/cli/network";

/** Error's `cause`, as fetch sets it (the project's lib typings predate the constructor option). */
function withCause(error: Error, extra: { cause: unknown }): Error {
  return Object.assign(error, extra);
}

it.each([
  ["localhost", true],
  ["LOCALHOST", true],
  ["127.0.0.1", true],
  ["127.10.20.30", true],
  ["[::1]", true],
  ["::1", true],
  ["dev.azure.com", false],
  ["127.0.0.1.example.com", false],
  ["10.0.0.1", false],
  ["localhost.example.com", false],
])("isLoopback(%s) is %s", (host, expected) => {
  expect(isLoopback(host)).toBe(expected);
});

describe("proxy failures", () => {
  const env = { HTTPS_PROXY: "http://user:PROXY-pass-77@proxy.corp:3128" };
  const proxy = proxyFor(env, "https:");

  it("shows the proxy as host:port, never its credentials", () => {
    expect(proxy).toMatchObject({ display: "proxy.corp:3128", variable: "HTTPS_PROXY" });
    expect(JSON.stringify(proxy)).not.toContain("PROXY-pass-77");
  });

  it("a 407 from the tunnel", () => {
    const e = new Error("Proxy response (407) !== 200 when HTTP Tunneling");
    const error = proxyFailure(withCause(new TypeError("fetch failed"), { cause: e }), proxy);
    expect(error).toBeInstanceOf(ProxyError);
    expect((error as ProxyError).userMessage).toBe(
      "The proxy proxy.corp:3128 (from HTTPS_PROXY) answered HTTP 407 " +
        "(Proxy Authentication Required).",
    );
  });

  it("a refused connection to the proxy, but not to the organization", () => {
    const refused = (address: string, port: number) =>
      withCause(new TypeError("fetch failed"), {
        cause: Object.assign(new Error("connect ECONNREFUSED"), {
          code: "ECONNREFUSED",
          address,
          port,
        }),
      });
    // A proxy named by host name is refused at the address it resolved to.
    expect(proxyFailure(refused("10.9.9.9", 3128), proxy)).toBeInstanceOf(ProxyError);
    const byIp = proxyFor({ HTTPS_PROXY: "http://10.9.9.9:3128" }, "https:");
    expect(proxyFailure(refused("10.9.9.9", 3128), byIp)).toBeInstanceOf(ProxyError);
    expect(proxyFailure(refused("10.9.9.8", 3128), byIp)).toBeUndefined();
    expect(proxyFailure(refused("10.1.2.3", 443), proxy)).toBeUndefined();
    expect(proxyFailure(refused("proxy.corp", 3128), undefined)).toBeUndefined();
  });

  it("HTTPS_PROXY falls back to HTTP_PROXY; http: uses HTTP_PROXY only", () => {
    expect(proxyFor({ HTTP_PROXY: "http://p:8080" }, "https:")?.variable).toBe("HTTP_PROXY");
    expect(proxyFor({ HTTPS_PROXY: "http://p:8080" }, "http:")).toBeUndefined();
  });
});

it("proxySecrets lists the proxy password in every form it could be printed in", () => {
  const secrets = proxySecrets({ HTTP_PROXY: "http://u:p%40ss-word@proxy:8080" });
  expect(secrets).toEqual(
    expect.arrayContaining([
      "p%40ss-word",
      "p@ss-word",
      Buffer.from("u:p@ss-word").toString("base64"),
    ]),
  );
  expect(proxySecrets({ HTTP_PROXY: "http://proxy:8080" })).toEqual([]);
});
