// The transport under every REST client: one fetch per attempt with a time-out, typed errors, and
// retries of idempotent calls.
//
// Why replace the clients' `_issueRequest` rather than wrap their methods or the global fetch:
// azure-devops-extension-api funnels every call of every client through that one protected method,
// so hooking it per client instance covers all methods (ours and the library's) without touching
// globals, and it is the only place where the HTTP status, the Retry-After header and the raw
// network failure are still visible (the library's own fetch wrapper turns a reset into a bare
// "TF400893" and logs the URL to the console).
import type { RestClientRequestParams } from "azure-devops-extension-api/Common/RestClientBase";
import { AdoError, RedirectError } from "./errors";
import { mapHttpFailure, mapNetworkFailure, parseServiceError } from "./errorMapping";
import { describeOperation } from "./operations";
import { parseRetryAfter, RetryBudget, RetryPolicy } from "./retry";

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** One line of the request log a caller may observe (never bodies, never headers). */
export interface RequestEvent {
  method: string;
  path: string;
  attempt: number;
  status?: number;
  error?: AdoError;
}

export interface TransportOptions {
  /** The Authorization header value; `refresh` asks for a new token after a 401. */
  authHeader: (refresh?: boolean) => Promise<string>;
  policy: RetryPolicy;
  /** Defaults to the platform's fetch (browser or Node 20). */
  fetch?: FetchLike;
  onRequest?: (event: RequestEvent) => void;
}

interface IssueRequest {
  _issueRequest<T>(
    requestUrl: string,
    apiVersion: string,
    requestParams: RestClientRequestParams,
  ): Promise<T>;
}

/** Replaces the client's request path with ours; returns the same client. */
export function installTransport<T extends object>(client: T, options: TransportOptions): T {
  (client as unknown as IssueRequest)._issueRequest = <R>(
    url: string,
    apiVersion: string,
    params: RestClientRequestParams,
  ) => issueWithRetries<R>(url, apiVersion, params, options);
  return client;
}

async function issueWithRetries<T>(
  url: string,
  apiVersion: string,
  params: RestClientRequestParams,
  options: TransportOptions,
): Promise<T> {
  const method = (params.method ?? "GET").toUpperCase();
  const parsed = new URL(url);
  const info = describeOperation(method, parsed.pathname);
  const request = { operation: info.operation, method, path: parsed.pathname };
  const budget = new RetryBudget(options.policy);
  let refreshToken = false;
  let refreshed = false;
  for (;;) {
    const attempt = budget.begin();
    try {
      const response = await fetchOnce(
        url,
        apiVersion,
        params,
        method,
        options,
        refreshToken,
        request,
      );
      options.onRequest?.({ method, path: parsed.pathname, attempt, status: response.status });
      return response.value as T;
    } catch (e) {
      const error = e instanceof AdoError ? e : mapNetworkFailure(e, false, parsed.host, request);
      options.onRequest?.({ method, path: parsed.pathname, attempt, status: error.status, error });
      if (error.status === 401 && !refreshed) {
        // A token may expire mid-run: ask for a fresh one once, as the library does.
        refreshed = refreshToken = true;
        continue;
      }
      const delay = info.idempotent ? budget.nextDelay(error) : undefined;
      if (delay === undefined) throw error;
      await options.policy.sleep(delay);
    }
  }
}

async function fetchOnce(
  url: string,
  apiVersion: string,
  params: RestClientRequestParams,
  method: string,
  options: TransportOptions,
  refreshToken: boolean,
  request: { operation: string; method: string; path: string },
): Promise<{ status: number; value: unknown }> {
  const accept = params.httpResponseType ?? "application/json";
  const authorization = await options.authHeader(refreshToken);
  const { headers, body } = buildRequest(accept, apiVersion, params, method, authorization);
  const controller = new AbortController();
  let timedOut = false;
  const cancelTimeout = options.policy.startTimeout(
    options.policy.requestTimeoutMs,
    () => {
      timedOut = true;
      controller.abort();
    },
    { method, url },
  );
  const doFetch = options.fetch ?? ((u: string, i: RequestInit) => fetch(u, i));
  try {
    // "manual": a redirect is an answer, never followed (see RedirectError).
    const init = { method, headers, body, signal: controller.signal, redirect: "manual" as const };
    const response = await doFetch(url, init);
    if (isRedirect(response)) throw redirectError(response, url, request);
    // The body is read under the same time-out: an answer can stall halfway.
    if (!response.ok) {
      throw mapHttpFailure({
        status: response.status,
        body: parseServiceError(await response.text()),
        retryAfterMs: parseRetryAfter(response.headers.get("Retry-After"), options.policy.now()),
        request,
        info: describeOperation(method, request.path),
      });
    }
    if (params.returnRawResponse) return { status: response.status, value: response };
    const kind = accept.toLowerCase();
    if (kind.includes("json")) {
      const text = await response.text();
      return { status: response.status, value: text ? JSON.parse(text) : null };
    }
    if (kind === "text/plain") return { status: response.status, value: await response.text() };
    return { status: response.status, value: await response.arrayBuffer() };
  } catch (e) {
    if (e instanceof AdoError) throw e;
    throw mapNetworkFailure(e, timedOut, new URL(url).host, request);
  } finally {
    cancelTimeout();
  }
}

function buildRequest(
  accept: string,
  apiVersion: string,
  params: RestClientRequestParams,
  method: string,
  authorization: string,
): { headers: Record<string, string>; body?: BodyInit } {
  const headers: Record<string, string> = {
    // Unlike the library, enums stay strings and dates ISO strings (as the REST specs document
    // them), and links are kept. noArrayWrap: lists come as bare arrays, as the clients expect.
    Accept: `${accept};api-version=${apiVersion};noArrayWrap=true`,
    "X-VSS-ReauthenticationAction": "Suppress",
    "X-TFS-FedAuthRedirect": "Suppress",
    Authorization: authorization,
    ...(params.customHeaders ?? {}),
  };
  if (params.body === undefined || method === "GET") return { headers };
  if (!params.isRawData) headers["Content-Type"] = "application/json";
  return { headers, body: params.isRawData ? params.body : JSON.stringify(params.body) };
}

function isRedirect(response: Response): boolean {
  // A browser reports a manual redirect as an opaque answer with status 0.
  return response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
}

function redirectError(
  response: Response,
  url: string,
  request: { operation: string; method: string; path: string },
): RedirectError {
  const location = response.headers.get("Location");
  let where = "another address";
  try {
    // Only the origin: a redirect's path or query may hold anything.
    if (location) where = new URL(location, url).origin;
  } catch {
    // An unparsable Location stays "another address".
  }
  return new RedirectError(new URL(url).host, where, { request, status: response.status });
}
