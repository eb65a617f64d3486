// One raw read for `doctor`: the status, the headers and the body of a GET, with the token, the
// proxy-aware fetch and the same defences as the clients (no redirect followed, no sign-in page).
// doctor needs what the clients hide: the X-TFS-* headers, the server's own error message, and an
// api-version of its choosing.
import type { FetchLike } from "../../ado";
import type { AdoAuth } from "../auth";

export interface ProbeAnswer {
  status: number;
  headers: Headers;
  /** The JSON body, when there is one. */
  body?: unknown;
  /** The service's error message (its error body's `message`), when it refused. */
  message?: string;
  /** The error's typeKey, e.g. VssVersionOutOfRangeException. */
  typeKey?: string;
}

export interface Prober {
  orgUrl: string;
  get(path: string, apiVersion: string): Promise<ProbeAnswer>;
}

const TIMEOUT_MS = 30_000;

export function createProber(orgUrl: string, auth: AdoAuth, fetch?: FetchLike): Prober {
  const send: FetchLike = fetch ?? ((url, init) => globalThis.fetch(url, init));
  const authorization =
    auth.scheme === "Basic"
      ? `Basic ${Buffer.from(`:${auth.token}`).toString("base64")}`
      : `Bearer ${auth.token}`;
  return {
    orgUrl,
    async get(path, apiVersion) {
      const response = await send(orgUrl + path, {
        method: "GET",
        redirect: "manual",
        signal: AbortSignal.timeout(TIMEOUT_MS),
        headers: {
          Authorization: authorization,
          Accept: `application/json;api-version=${apiVersion}`,
          "X-TFS-FedAuthRedirect": "Suppress",
        },
      });
      return readAnswer(response);
    },
  };
}

async function readAnswer(response: Response): Promise<ProbeAnswer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  const error = response.ok ? undefined : (body as { message?: unknown; typeKey?: unknown });
  return {
    status: response.status,
    headers: response.headers,
    body,
    ...(typeof error?.message === "string" ? { message: error.message } : {}),
    ...(typeof error?.typeKey === "string" ? { typeKey: error.typeKey } : {}),
  };
}
