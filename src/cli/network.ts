// How the CLI reaches the organization: never with the token in clear to another machine, through
// the proxy the environment names (HTTPS_PROXY / HTTP_PROXY / NO_PROXY, as curl and most tools
// read them), and with errors that blame the proxy when the proxy is what failed. Node's own fetch
// ignores those variables, hence undici's fetch with its EnvHttpProxyAgent. TLS goes through
// Node's tls defaults either way, so NODE_EXTRA_CA_CERTS (a corporate root CA) is honoured too.
import { isIP } from "node:net";
import type * as Undici from "undici";
import { ProxyError } from "../ado/errors";
import type { FetchLike } from "../ado/transport";
import type { Env } from "./auth";
import { UsageError } from "./errors";

/** Loopback: the token never leaves this machine, so http: is harmless (the emulator, a tunnel). */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "::1" ||
    /^127(\.\d{1,3}){3}$/.test(host)
  );
}

/**
 * Refuses http: to another machine (the PAT would cross the network in clear) unless the user opted
 * in; returns the warning to print when they did.
 */
export function checkTransportSecurity(
  orgUrl: string,
  source: string,
  allowInsecureHttp: boolean,
): string | undefined {
  const url = new URL(orgUrl);
  if (url.protocol !== "http:" || isLoopback(url.hostname)) return undefined;
  if (!allowInsecureHttp) {
    throw new UsageError(
      `The organization URL from ${source} starts with http://, which would send the token ` +
        `unencrypted to ${url.host}.`,
      "Use https://. If this server has no TLS and the network is trusted, " +
        "add --allow-insecure-http.",
    );
  }
  return `warning: --allow-insecure-http: the token goes unencrypted to ${url.host}.`;
}

export interface ProxySetting {
  variable: string;
  /** host:port, without credentials: safe to print. */
  display: string;
  host: string;
  port: number;
}

function readVar(env: Env, name: string): [string, string] | undefined {
  for (const n of [name.toLowerCase(), name]) {
    const v = env[n]?.trim();
    if (v) return [n, v];
  }
  return undefined;
}

/** The proxy configured for `protocol` (HTTPS_PROXY falls back to HTTP_PROXY, as undici does). */
export function proxyFor(env: Env, protocol: string): ProxySetting | undefined {
  const found =
    (protocol === "https:" ? readVar(env, "HTTPS_PROXY") : undefined) ?? readVar(env, "HTTP_PROXY");
  if (!found) return undefined;
  const [variable, value] = found;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(
      `${variable} is not a URL.`,
      `Set it as http://HOST:PORT (or http://USER:PASSWORD@HOST:PORT).`,
    );
  }
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return { variable, display: `${url.hostname}:${port}`, host, port };
}

/**
 * The passwords (as typed and decoded) and user:password pairs in the proxy variables, for the
 * Redactor: nothing prints them, and a library's message must not either.
 */
export function proxySecrets(env: Env): string[] {
  const out: string[] = [];
  for (const name of ["HTTPS_PROXY", "HTTP_PROXY"]) {
    for (const value of [env[name.toLowerCase()], env[name]]) {
      try {
        const url = new URL(value ?? "");
        if (!url.password) continue;
        const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
        out.push(
          url.password,
          decodeURIComponent(url.password),
          Buffer.from(pair).toString("base64"),
        );
      } catch {
        // Not a URL: proxyFor reports it, without echoing it.
      }
    }
  }
  return out;
}

/** The fetch the clients use: undici's, through the proxies of `env`; plain when none is set. */
export function createFetch(env: Env): FetchLike | undefined {
  const httpProxy = readVar(env, "HTTP_PROXY")?.[1];
  const httpsProxy = readVar(env, "HTTPS_PROXY")?.[1] ?? httpProxy;
  if (!httpProxy && !httpsProxy) return undefined;
  const noProxy = readVar(env, "NO_PROXY")?.[1] ?? "";
  // Loaded only when a proxy is set: undici is most of the CLI's bundle, and every other run
  // (and --help) would pay for initialising it at start-up.
  const undici = require("undici") as typeof Undici;
  const agent = () => new undici.EnvHttpProxyAgent({ httpProxy, httpsProxy, noProxy });
  const dispatcher = quietly(agent);
  return async (url, init) => {
    try {
      const response = await undici.fetch(url, { ...init, dispatcher } as never);
      return response as unknown as Response;
    } catch (e) {
      throw proxyFailure(e, proxyFor(env, new URL(url).protocol)) ?? e;
    }
  };
}

/**
 * undici announces EnvHttpProxyAgent as experimental on stderr at its first construction; the CLI
 * owns its stderr, and the warning would read as a problem to the user.
 */
function quietly<T>(make: () => T): T {
  const emit = process.emitWarning;
  process.emitWarning = () => undefined;
  try {
    return make();
  } finally {
    process.emitWarning = emit;
  }
}

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
]);

/** A ProxyError when `error` came from the proxy (its answer, or its address), else undefined. */
export function proxyFailure(error: unknown, proxy: ProxySetting | undefined): Error | undefined {
  if (!proxy) return undefined;
  for (const e of causes(error)) {
    const status = /Proxy response \((\d+)\)/.exec(e.message ?? "")?.[1];
    if (status) {
      const detail = status === "407" ? " (Proxy Authentication Required)" : "";
      return new ProxyError(proxy.display, proxy.variable, `answered HTTP ${status}${detail}`, {});
    }
    // A proxy given by name fails at the address it resolved to: the port tells it apart then.
    const fromProxy =
      e.hostname === proxy.host ||
      (e.port === proxy.port && (e.address === proxy.host || !isIP(proxy.host)));
    if (e.code && UNREACHABLE.has(e.code) && fromProxy)
      return new ProxyError(proxy.display, proxy.variable, `could not be reached (${e.code})`, {
        retryable: true,
      });
  }
  return undefined;
}

interface ErrorLike {
  message?: string;
  code?: string;
  port?: number;
  address?: string;
  hostname?: string;
  cause?: unknown;
  errors?: unknown[];
}

function causes(error: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  const queue: unknown[] = [error];
  while (queue.length && out.length < 16) {
    const e = queue.shift();
    if (!e || typeof e !== "object") continue;
    const like = e as ErrorLike;
    out.push(like);
    queue.push(like.cause, ...(Array.isArray(like.errors) ? like.errors : []));
  }
  return out;
}
