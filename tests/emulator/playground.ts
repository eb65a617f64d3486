// `npm start`: the Azure DevOps emulator seeded with the demo organization, and a page on 127.0.0.1.
// For now the page only points at the emulator; the hub and the SDK test host arrive with their issue.
import http from "node:http";
import { startEmulator } from "./index";
import { DEMO_PROJECT, seedDemo } from "./demo";

function page(emulatorUrl: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>StackSpot for Azure DevOps — playground</title>
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;line-height:1.5;padding:0 1rem}code{background:#f3f3f3;padding:0 .2rem}</style>
</head><body>
<h1>StackSpot for Azure DevOps — playground</h1>
<p>The StackSpot hub arrives here with its issue. Until then this page only shows what is running.</p>
<ul>
<li>Azure DevOps REST emulator: <a href="${emulatorUrl}_apis/projects"><code>${emulatorUrl}</code></a> (organization <code>demo-org</code>, project <code>${DEMO_PROJECT}</code>)</li>
<li>The emulator answers only authenticated requests, as Azure DevOps does.</li>
</ul>
</body></html>`;
}

async function main(): Promise<void> {
  // The contract checker reads the specs relative to its own source; bundled here it has no such path.
  const emulator = await startEmulator({ contractCheck: false });
  seedDemo(emulator);
  const html = page(emulator.orgUrl);
  const server = http.createServer((req, res) => {
    if (req.url === "/" || req.url === "/index.html") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    } else {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found\n");
    }
  });
  const port = Number(process.env.PLAYGROUND_PORT ?? 0);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  process.stdout.write(`Playground: ${url}\nAzure DevOps emulator: ${emulator.orgUrl}\nPress Ctrl-C to stop.\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.closeAllConnections();
    await Promise.all([new Promise((r) => server.close(r)), emulator.stop()]);
    process.stdout.write("Playground stopped.\n");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  process.stderr.write(`playground: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
