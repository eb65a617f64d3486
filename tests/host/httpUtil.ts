// Small HTTP helpers for the test host: files, text, and a streaming reverse proxy.
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** The repository root: the nearest folder above `from` whose package.json is this project's. */
export function findRepoRoot(from: string): string {
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (
      fs.existsSync(pkg) &&
      (JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name ===
        "stackspot-azure-devops"
    )
      return dir;
    if (path.dirname(dir) === dir)
      throw new Error(`No stackspot-azure-devops package.json above ${from}`);
  }
}

export function sendText(
  res: http.ServerResponse,
  status: number,
  text: string,
  type = "text/plain; charset=utf-8",
): void {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(text);
}

/** Sends root + urlPath; never anything outside root. `missingHint` is added to the 404 text. */
export function sendFile(
  res: http.ServerResponse,
  root: string,
  urlPath: string,
  missingHint?: string,
  transform?: (text: string) => string,
): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return sendText(res, 400, "Bad path");
  }
  const file = path.resolve(root, "." + decoded);
  if (!file.startsWith(path.resolve(root) + path.sep)) return sendText(res, 403, "Forbidden");
  fs.readFile(file, (err, data) => {
    if (err)
      return sendText(res, 404, `Not found: ${urlPath}${missingHint ? ". " + missingHint : ""}`);
    const type = contentTypes[path.extname(file)] ?? "application/octet-stream";
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store" });
    res.end(transform ? transform(data.toString("utf8")) : data);
  });
}

/**
 * Forwards the request to `upstream` unchanged and streams the answer back. A connection the
 * upstream drops is dropped here too, and a client that gives up aborts the upstream request, so
 * faults the emulator plays (resets, hangs) reach the hub as they would from the real service.
 */
export function proxyTo(
  upstream: URL,
  agent: http.Agent,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): void {
  const forward = http.request(
    {
      protocol: upstream.protocol,
      hostname: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers: { ...req.headers, host: upstream.host },
      agent,
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on("error", () => res.destroy());
    },
  );
  forward.on("error", () => {
    if (res.headersSent) res.destroy();
    else req.socket.destroy();
  });
  res.on("close", () => {
    if (!res.writableFinished) forward.destroy();
  });
  req.pipe(forward);
}
