// --all-projects lists every project page by page, over real HTTP with the real core client: by
// $top/$skip against the emulator, and by continuation token against a small server that pages the
// way the service does when it sends x-ms-continuationtoken.
import * as http from "node:http";
import { clientsFor } from "../../src/cli/auth";
import { listAllProjects } from "../../src/cli/projects";
import { useEmulator } from "../emulator/useEmulator";

const emu = useEmulator();

it("pages with $top and $skip until a short page", async () => {
  const names = Array.from({ length: 23 }, (_, i) => `Team-${String(i).padStart(2, "0")}`);
  for (const n of names) emu.addProject(n);
  emu.clearRequests();
  const clients = clientsFor(emu.orgUrl, {
    source: "AZURE_DEVOPS_EXT_PAT",
    scheme: "Basic",
    token: emu.token,
  });
  expect(await listAllProjects(clients, 7)).toEqual(names);
  const pages = emu.requests.filter((r) => r.path.endsWith("/_apis/projects"));
  expect(pages.map((r) => [r.query.$top, r.query.$skip ?? "0"])).toEqual([
    ["7", "0"],
    ["7", "7"],
    ["7", "14"],
    ["7", "21"],
  ]);
});

it("follows continuation tokens when the service sends them", async () => {
  const all = Array.from({ length: 12 }, (_, i) => ({
    id: `id-${i}`,
    name: `P${String(i).padStart(2, "0")}`,
  }));
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    seen.push(url.search);
    const start = Number(
      url.searchParams.get("continuationToken") ?? url.searchParams.get("$skip") ?? 0,
    );
    // This server pages by 5 whatever $top says, as the service may cap a page.
    const page = all.slice(start, start + 5);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (start + 5 < all.length) headers["x-ms-continuationtoken"] = String(start + 5);
    res.writeHead(200, headers).end(JSON.stringify(page));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const port = (server.address() as import("node:net").AddressInfo).port;
    const clients = clientsFor(`http://127.0.0.1:${port}/org/`, {
      source: "SYSTEM_ACCESSTOKEN",
      scheme: "Bearer",
      token: "t",
    });
    expect(await listAllProjects(clients, 100)).toEqual(all.map((p) => p.name));
    expect(seen).toHaveLength(3);
    expect(seen[1]).toContain("continuationToken=5");
    expect(seen[2]).toContain("continuationToken=10");
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});
