// A local forward proxy that only answers CONNECT (what tool-lib's HTTP client sends through an
// agent proxy), records each request and its Proxy-Authorization, and tunnels every host name to
// one local target. A test can then use an installer address that does not resolve at all: it works
// only if the download really goes through the proxy.
import * as http from "http";
import * as net from "net";

export class RecordingProxy {
  readonly connects: Array<{ target: string; authorization?: string }> = [];
  private readonly server = http.createServer((_req, res) => res.writeHead(405).end());
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly targetPort: number) {
    this.server.on("connect", (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
      this.connects.push({
        target: req.url ?? "",
        authorization: req.headers["proxy-authorization"],
      });
      const upstream = net.connect(this.targetPort, "127.0.0.1", () => {
        client.write("HTTP/1.1 200 Connection Established\r\n\r\n");
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("error", () => s.destroy());
        s.on("close", () => this.sockets.delete(s));
      }
    });
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`;
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(0, "127.0.0.1", () => resolve()));
  }

  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
