// The HTTP side of the emulator: sockets, authentication, api-version rules, faults, the request
// log and the contract checks. Routing and state live elsewhere.
import http from "node:http";
import type { Socket } from "node:net";
import { performance } from "node:perf_hooks";
import type { ContractChecker, ContractViolation, FaultRule, RequestRecord } from "./types";
import { editionHeaders, refusal, servedVersions } from "./serviceBehaviour";
import { errors, ServiceError } from "./errors";
import type { ApiResult, EmulatorCore, Router } from "./router";
import { describeFault, type Faults } from "./faults";
import { checkApiVersion, headerValue, parseAccept, Query, toJson, toPlain } from "./wire";

export interface ServerDeps {
  core: () => EmulatorCore;
  router: Router;
  faults: Faults;
  checker?: ContractChecker;
  token: string;
  log: RequestRecord[];
  violations: ContractViolation[];
  latencyMs: () => number;
}

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
  "Access-Control-Allow-Headers":
    "Authorization, Content-Type, Accept, X-TFS-FedAuthRedirect, X-VSS-ReauthenticationAction, X-TFS-Session",
  "Access-Control-Expose-Headers": "x-ms-continuationtoken, Retry-After",
};

export class EmulatorServer {
  private readonly server = http.createServer((req, res) => void this.handle(req, res));
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private readonly deps: ServerDeps) {
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(0, "127.0.0.1", () =>
        resolve((this.server.address() as { port: number }).port),
      );
    });
  }

  /** Closes the listener and every socket, hung ones included, so the process can exit. */
  stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    return closed;
  }

  private sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const method = (req.method ?? "GET").toUpperCase();
    if (method === "OPTIONS") {
      // A browser preflight: allow whatever headers the page's client wants to send.
      const wanted = headerValue(req.headers, "access-control-request-headers");
      res
        .writeHead(204, {
          ...CORS_HEADERS,
          ...(wanted ? { "Access-Control-Allow-Headers": wanted } : {}),
        })
        .end();
      return;
    }
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const query: Record<string, string> = {};
    url.searchParams.forEach((v, k) => (query[k] = v));
    const accept = parseAccept(headerValue(req.headers, "accept"));
    const apiVersion = accept.apiVersion ?? query["api-version"];
    const record: RequestRecord = {
      method,
      path: url.pathname,
      query,
      apiVersion,
      status: 0,
      startedAt: performance.now(),
      endedAt: 0,
      write: WRITE_METHODS.has(method),
    };
    this.deps.log.push(record);
    res.on("close", () => {
      record.endedAt = performance.now();
      if (res.writableFinished) record.status = res.statusCode;
    });

    const rawBody = await readBody(req);
    let body: unknown;
    let bodyError: ServiceError | undefined;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody.toString("utf8"));
      } catch {
        bodyError = errors.badRequest(
          "The request body is not valid JSON.",
          "VssRequestContentException",
        );
      }
    }
    const reqInfo = { method, path: url.pathname, query, headers: req.headers };
    this.check("request", reqInfo, (c) => c.checkRequest({ ...reqInfo, body }));

    await this.sleep(this.deps.latencyMs());
    const fault = this.deps.faults.take(method, url.pathname);
    if (fault) record.fault = describeFault(fault);
    if (fault && !fault.afterHandling) {
      await this.sleep(fault.latencyMs ?? 0);
      if (this.applyEffect(fault, req, res)) return;
    }

    let result: ApiResult;
    try {
      if (bodyError) throw bodyError;
      this.authenticate(req);
      const behaviour = this.deps.core().state.behaviour;
      checkApiVersion(method, apiVersion, servedVersions(behaviour));
      const refused = refusal(behaviour, url.pathname);
      if (refused) throw refused;
      result = this.route(method, url.pathname, new Query(query), body, accept);
    } catch (error) {
      result = toErrorResult(error);
    }

    if (fault?.afterHandling) {
      await this.sleep(fault.latencyMs ?? 0);
      if (this.applyEffect(fault, req, res)) return;
    }
    if (this.stopped) return;
    this.send(res, result, apiVersion, accept.msDateFormat);
    // Every answer the emulator makes is checked: JSON, raw content (text or bytes), empty bodies
    // (204, or a 200 that should have carried something) and errors. Answers a test injected with a
    // fault rule are not: their status and body are whatever the test asked for.
    const answered = result.raw !== undefined ? result.raw : toPlain(result.body);
    this.check("response", reqInfo, (c) => c.checkResponse(reqInfo, result.status, answered));
  }

  /** Runs one contract check; a checker that throws is itself reported as a violation. */
  private check(
    side: "request" | "response",
    req: { method: string; path: string },
    run: (c: ContractChecker) => ContractViolation[],
  ): void {
    const checker = this.deps.checker;
    if (!checker) return;
    try {
      this.deps.violations.push(...run(checker));
    } catch (error) {
      this.deps.violations.push({
        side,
        method: req.method,
        path: req.path,
        message: `contract checker failed: ${(error as Error)?.message ?? String(error)}`,
      });
    }
  }

  /**
   * Applies a fault's effect; true when the answer is taken care of (sent, dropped or withheld).
   */
  private applyEffect(
    fault: FaultRule,
    req: http.IncomingMessage,
    res: http.ServerResponse,
  ): boolean {
    if (this.stopped) return true;
    if (fault.reset) {
      req.socket.destroy();
      return true;
    }
    if (fault.hang) return true; // never answered; stop() destroys the socket
    if (fault.status !== undefined) {
      this.send(
        res,
        toErrorResult(errors.injected(fault.status, fault.retryAfter)),
        undefined,
        false,
      );
      return true;
    }
    return false;
  }

  private authenticate(req: http.IncomingMessage): void {
    const header = headerValue(req.headers, "authorization") ?? "";
    const [scheme, value = ""] = header.split(/\s+/, 2);
    let token: string | undefined;
    if (/^basic$/i.test(scheme)) {
      const decoded = Buffer.from(value, "base64").toString("utf8");
      token = decoded.slice(decoded.indexOf(":") + 1);
    } else if (/^bearer$/i.test(scheme)) {
      token = value;
    }
    if (token !== this.deps.token) throw errors.unauthorized();
  }

  private route(
    method: string,
    pathname: string,
    query: Query,
    body: unknown,
    accept: ReturnType<typeof parseAccept>,
  ): ApiResult {
    const core = this.deps.core();
    const segments = pathname.split("/").filter(Boolean).map(safeDecode);
    if (segments.length < 2 || segments[0].toLowerCase() !== core.organization.toLowerCase())
      throw errors.noRoute(pathname);
    const match = this.deps.router.match(method, segments.slice(1), core.state, pathname);
    return match.route.handler({
      method,
      path: pathname,
      params: match.params,
      query,
      body,
      mediaType: accept.mediaType,
      wire: {
        enumsAsNumbers: accept.enumsAsNumbers,
        noArrayWrap: accept.noArrayWrap,
        excludeUrls: accept.excludeUrls,
      },
      project: match.project,
      core,
    });
  }

  private send(
    res: http.ServerResponse,
    result: ApiResult,
    apiVersion: string | undefined,
    msDate: boolean,
  ): void {
    if (res.headersSent || res.destroyed) return;
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      ...editionHeaders(this.deps.core().state.behaviour),
      ...(result.headers ?? {}),
    };
    let payload: Buffer | string = "";
    if (result.raw !== undefined) {
      payload = result.raw;
      headers["Content-Type"] = result.contentType ?? "application/octet-stream";
    } else if (result.body !== undefined) {
      payload = toJson(result.body, msDate);
      headers["Content-Type"] =
        `application/json; charset=utf-8${apiVersion ? `; api-version=${apiVersion}` : ""}`;
    }
    headers["Content-Length"] = String(Buffer.byteLength(payload));
    res.writeHead(result.status, headers);
    res.end(payload);
  }
}

function toErrorResult(error: unknown): ApiResult {
  if (error instanceof ServiceError)
    return { status: error.status, body: error.body(), headers: error.headers };
  process.stderr.write(`emulator: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
  const e = new ServiceError(
    500,
    `Emulator internal error: ${(error as Error)?.message ?? String(error)}`,
    "EmulatorException",
    "Emulator",
  );
  return { status: 500, body: e.body() };
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", () => resolve(Buffer.concat(chunks)));
    req.on("close", () => resolve(Buffer.concat(chunks)));
  });
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
