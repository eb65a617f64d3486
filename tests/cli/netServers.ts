// Local servers the network tests put around the emulator, all on 127.0.0.1: a redirecting server,
// a CONNECT proxy that counts tunnels and can demand credentials, a TLS front with a CA made by
// openssl, and a stand-in organization that answers with the wrong project.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as http from "node:http";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import * as tls from "node:tls";

export interface Closable {
  port: number;
  close(): Promise<void>;
}

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as net.AddressInfo).port;
}

function closer(server: net.Server, sockets: Set<net.Socket>): () => Promise<void> {
  server.on("connection", (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

export interface SeenRequest {
  method: string;
  url: string;
  authorization?: string;
}

/** An HTTP server that records what reaches it and answers with `answer`. */
export async function recordingServer(
  answer: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<Closable & { seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization,
    });
    answer(req, res);
  });
  const close = closer(server, new Set());
  return { port: await listen(server), seen, close };
}

export interface TestProxy extends Closable {
  /** CONNECT tunnels opened (or refused), by target "host:port". */
  connects: string[];
  /** Proxy-Authorization values received. */
  proxyAuthorizations: string[];
}

export interface ProxyOptions {
  /** "user:password": requests without them get a 407. */
  credentials?: string;
  /** Tunnel every CONNECT to this local port, whatever host it names (no DNS look-up). */
  tunnelTo?: number;
}

/** A CONNECT proxy (undici tunnels http and https alike). */
export async function connectProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const { credentials, tunnelTo } = options;
  const connects: string[] = [];
  const proxyAuthorizations: string[] = [];
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end();
  });
  const sockets = new Set<net.Socket>();
  server.on("connect", (req: http.IncomingMessage, client: net.Socket) => {
    sockets.add(client);
    connects.push(req.url ?? "");
    const given = req.headers["proxy-authorization"];
    if (given) proxyAuthorizations.push(given);
    const expected = credentials && `Basic ${Buffer.from(credentials).toString("base64")}`;
    if (expected && given !== expected) {
      client.end("HTTP/1.1 407 Proxy Authentication Required\r\n\r\n");
      return;
    }
    const [host, port] = (req.url ?? "").split(":");
    const target = tunnelTo ? { port: tunnelTo, host: "127.0.0.1" } : { port: Number(port), host };
    const upstream = net.connect(target.port, target.host, () => {
      client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  const close = closer(server, sockets);
  return { port: await listen(server), connects, proxyAuthorizations, close };
}

export interface TestCa {
  dir: string;
  caFile: string;
  key: Buffer;
  cert: Buffer;
}

/** A throw-away CA and a certificate it signed for 127.0.0.1, made with openssl. */
export function makeCa(): TestCa {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stk-ca-"));
  const f = (name: string) => path.join(dir, name);
  const ossl = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  ossl(
    ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2"],
    ...["-subj", "/CN=Test Root CA", "-keyout", f("ca.key"), "-out", f("ca.pem")],
  );
  ossl(
    ...["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=127.0.0.1"],
    ...["-keyout", f("server.key"), "-out", f("server.csr")],
  );
  fs.writeFileSync(f("san.ext"), "subjectAltName=IP:127.0.0.1\n");
  ossl(
    ...["x509", "-req", "-in", f("server.csr"), "-CA", f("ca.pem"), "-CAkey", f("ca.key")],
    ...["-CAcreateserial", "-days", "2", "-extfile", f("san.ext"), "-out", f("server.pem")],
  );
  return {
    dir,
    caFile: f("ca.pem"),
    key: fs.readFileSync(f("server.key")),
    cert: fs.readFileSync(f("server.pem")),
  };
}

/** TLS on 127.0.0.1 in front of a plain-HTTP port: bytes are piped as they are. */
export async function tlsFront(ca: TestCa, targetPort: number): Promise<Closable> {
  const sockets = new Set<net.Socket>();
  const server = tls.createServer({ key: ca.key, cert: ca.cert }, (client) => {
    const upstream = net.connect(targetPort, "127.0.0.1");
    sockets.add(upstream);
    upstream.pipe(client);
    client.pipe(upstream);
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
  });
  server.on("tlsClientError", () => undefined);
  const close = closer(server, sockets);
  return { port: await listen(server), close };
}
