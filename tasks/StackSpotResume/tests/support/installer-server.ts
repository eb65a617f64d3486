// A local stand-in for https://stk.stackspot.com on 127.0.0.1. GET /install.sh serves a bash
// installer that writes the stand-in CLI (stand-in-stk.js) into $HOME/.stk/bin/stk, as the real
// installer does, and records its own invocation. Each request takes the next answer from a plan,
// so a test can make the download fail, arrive truncated, and then succeed.
import * as fs from "fs";
import * as http from "http";
import * as https from "https";
import * as net from "net";
import * as path from "path";
import { TASK_SOURCE_DIR } from "./agent";

export type InstallerAnswer = "ok" | "error500" | "truncated" | "notFound";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface InstallerServerOptions {
  /** Version the installed stand-in reports; default 5.3.1. */
  version?: string;
  /** Answers for successive requests to /install.sh; after the last one, "ok". */
  plan?: InstallerAnswer[];
  /** Serve this text as install.sh instead of the stand-in installer. */
  script?: string;
  /** Speak https with this key and certificate instead of plain http. */
  tls?: { key: string; cert: string };
}

const STAND_IN_SOURCE = path.join(TASK_SOURCE_DIR, "tests", "support", "stand-in-stk.js");

export function installerScript(version: string): string {
  const cli = fs.readFileSync(STAND_IN_SOURCE, "utf8").replace("__STANDIN_VERSION__", version);
  return [
    "#!/usr/bin/env bash",
    "# Stand-in for StackSpot's install.sh: installs the CLI into $HOME/.stk/bin.",
    "set -euo pipefail",
    'if [ -n "${STANDIN_RECORD:-}" ]; then',
    '  printf \'{"tool":"installer","script":"%s","argCount":%d,"home":"%s","cwd":"%s"}\\n\' "$0" "$#" "$HOME" "$PWD" >> "$STANDIN_RECORD"',
    "fi",
    'mkdir -p "$HOME/.stk/bin"',
    "cat > \"$HOME/.stk/bin/stk\" <<'STANDIN_STK_END'",
    `#!${process.execPath}`,
    cli.trimEnd(),
    "STANDIN_STK_END",
    'chmod +x "$HOME/.stk/bin/stk"',
    'echo "STK CLI installed in $HOME/.stk/bin"',
    "",
  ].join("\n");
}

export class InstallerServer {
  readonly requests: RecordedRequest[] = [];
  /** Body bytes sent for all requests. */
  bytesSent = 0;
  private readonly server: http.Server | https.Server;
  private readonly sockets = new Set<net.Socket>();
  private readonly plan: InstallerAnswer[];
  private readonly script: string;

  constructor(options: InstallerServerOptions = {}) {
    this.plan = [...(options.plan ?? [])];
    this.script = options.script ?? installerScript(options.version ?? "5.3.1");
    const handler = (request: http.IncomingMessage, response: http.ServerResponse) =>
      this.answer(request, response);
    this.server = options.tls
      ? https.createServer(options.tls, handler)
      : http.createServer(handler);
    this.server.on("connection", (socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get baseUrl(): string {
    const scheme = this.server instanceof https.Server ? "https" : "http";
    return `${scheme}://127.0.0.1:${this.port}`;
  }

  /**
   * The task inputs that point at this server. By default it speaks plain http, which the task
   * refuses unless allowInsecureInstaller is set (the https requirement itself is tested in
   * installer-trust.test.ts).
   */
  get inputs(): { installerBaseUrl: string; allowInsecureInstaller: string } {
    return { installerBaseUrl: this.baseUrl, allowInsecureInstaller: "true" };
  }

  /** Requests for the installer, whatever their answer. */
  get installerRequests(): RecordedRequest[] {
    return this.requests.filter((r) => r.url.endsWith("/install.sh"));
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
  }

  stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(request: http.IncomingMessage, response: http.ServerResponse): void {
    this.requests.push({
      method: request.method ?? "",
      url: request.url ?? "",
      headers: request.headers,
    });
    const pathname = new URL(request.url ?? "/", "http://stand-in").pathname;
    if (pathname !== "/install.sh") {
      response.writeHead(404).end();
      return;
    }
    const answer = this.plan.shift() ?? "ok";
    const body = Buffer.from(this.script, "utf8");
    if (answer === "notFound") {
      response.writeHead(404).end();
    } else if (answer === "error500") {
      response.writeHead(500, { "Content-Type": "text/plain" }).end("internal error");
    } else if (answer === "truncated") {
      // Announces the whole script, sends a part of it, then drops the connection.
      const part = body.subarray(0, Math.floor(body.length / 3));
      response.writeHead(200, {
        "Content-Type": "text/x-sh",
        "Content-Length": String(body.length),
      });
      response.write(part);
      this.bytesSent += part.length;
      setTimeout(() => response.socket?.destroy(), 20);
    } else {
      response.writeHead(200, {
        "Content-Type": "text/x-sh",
        "Content-Length": String(body.length),
      });
      response.end(body);
      this.bytesSent += body.length;
    }
  }
}
