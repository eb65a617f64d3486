// The manifest's OAuth scopes are the fewest that let the hub make the calls its code makes. The
// calls are derived from the code (support/client-calls.ts), each call's area from its URL, each
// area's scope from configs/scopes.json, and what each scope allows from Microsoft's specs.
import * as fs from "fs";
import * as path from "path";
import {
  engineClients,
  issuedRequests,
  IssuedRequest,
  usedClientCalls,
} from "./support/client-calls";
import { REPO_ROOT } from "./support/paths";
import { recordSetupTraffic } from "./support/setup-traffic";
import { useEmulator } from "../emulator/useEmulator";
import {
  allows,
  areaOf,
  closure,
  fewest,
  loadScopeTable,
  matchOperations,
  MatchedOperation,
  routeAfterApis,
} from "./support/scope-table";

const manifest = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "vss-extension.json"), "utf8"),
) as { scopes: string[] };
const table = loadScopeTable();

interface Call extends IssuedRequest {
  area?: string;
  operations: MatchedOperation[];
}

let calls: Call[];

beforeAll(async () => {
  const clients = engineClients(async () => new Response("{}"));
  const used = usedClientCalls(clients);
  const requests = await issuedRequests(used);
  // Every method the code calls must have been seen on the wire, or its scope would go unchecked.
  const silent = used.filter(
    (u) => !requests.some((r) => r.client === u.client && r.method === u.method),
  );
  expect(silent.map((s) => `${s.client}.${s.method}`)).toEqual([]);
  calls = requests.map((r) => ({
    ...r,
    area: areaOf(table, r.path),
    operations: matchOperations(r.httpMethod, r.path),
  }));
});

const label = (c: Call) => `${c.client}.${c.method} → ${c.httpMethod} ${c.path}`;

test("the hub's code makes calls in several REST areas (the derivation finds something)", () => {
  expect(new Set(calls.map((c) => c.area)).size).toBeGreaterThanOrEqual(4);
  // Set-up writes: a repository, a push, a pipeline, a service connection.
  expect(calls.map((c) => c.httpMethod)).toEqual(expect.arrayContaining(["GET", "POST"]));
});

test("every call is in an area of configs/scopes.json and is a known operation of the REST specs", () => {
  expect(calls.filter((c) => !c.area).map(label)).toEqual([]);
  expect(calls.filter((c) => c.operations.length === 0).map(label)).toEqual([]);
});

test("each area's scopes allow every call the hub makes in it", () => {
  const refused = calls.filter(
    (c) =>
      c.area && c.operations.some((op) => !allows(closure(table, table.areas[c.area!].scopes), op)),
  );
  expect(
    refused.map(
      (c) => `${label(c)} needs one of ${c.operations.map((o) => o.anyOf.join("|")).join(", ")}`,
    ),
  ).toEqual([]);
});

test("each area's scopes are the weakest that do (none can be dropped or replaced by one it includes)", () => {
  const tooStrong: string[] = [];
  for (const area of new Set(calls.map((c) => c.area!))) {
    const scopes = table.areas[area].scopes;
    const ops = calls.filter((c) => c.area === area).flatMap((c) => c.operations);
    const enough = (set: string[]) => ops.every((op) => allows(closure(table, set), op));
    for (const scope of scopes) {
      const others = scopes.filter((s) => s !== scope);
      if (enough(others)) tooStrong.push(`${area}: ${scope} is not needed`);
      for (const weaker of closure(table, scope)) {
        if (weaker !== scope && enough([...others, weaker]))
          tooStrong.push(`${area}: ${weaker} would do instead of ${scope}`);
      }
    }
  }
  expect(tooStrong).toEqual([]);
});

test("configs/scopes.json has no area the hub does not call", () => {
  const called = new Set(calls.map((c) => c.area));
  expect(Object.keys(table.areas).filter((a) => !called.has(a))).toEqual([]);
});

test("the manifest declares exactly the areas' scopes, less those another one includes, and they allow every call", () => {
  const needed = fewest(
    table,
    calls.flatMap((c) => table.areas[c.area!].scopes),
  );
  expect([...manifest.scopes].sort()).toEqual(needed);
  const all = closure(table, manifest.scopes);
  expect(calls.filter((c) => c.operations.some((op) => !allows(all, op))).map(label)).toEqual([]);
});

test("the README's Permissions (scopes) section lists each declared scope, and no other", () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
  const section = /^## Permissions \(scopes\)\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  expect(section).not.toBeNull();
  const rows = [...section![1].matchAll(/^\| `(vso\.[a-z_]+)` *\|/gm)].map((m) => m[1]);
  expect([...rows].sort()).toEqual([...manifest.scopes].sort());
});

test("the Marketplace page's Permissions table lists each declared scope, and no other", () => {
  const overview = fs.readFileSync(path.join(REPO_ROOT, "overview.md"), "utf8");
  const section = /^## Permissions\n([\s\S]*?)(?=^## )/m.exec(overview);
  expect(section).not.toBeNull();
  const rows = [...section![1].matchAll(/^\|[^|\n]*`(vso\.[a-z_]+)`[^|\n]*\|/gm)].map((m) => m[1]);
  expect([...rows].sort()).toEqual([...manifest.scopes].sort());
});

describe("on the wire: the engine's real requests during set-up are allowed by the manifest's scopes", () => {
  const emulator = useEmulator();

  test("set-up of an empty project, set-up through a pull request on a protected branch, the runs list", async () => {
    const traffic = await recordSetupTraffic(emulator);
    const seen = traffic.filter((r) => routeAfterApis(r.path) !== undefined);
    const methods = new Set(seen.map((r) => `${r.method} ${areaOf(table, r.path)}`));
    // The scenarios reach every kind of write the set-up makes, or they prove less than they claim.
    expect([...methods]).toEqual(
      expect.arrayContaining([
        "POST git",
        "POST build",
        "POST serviceendpoint",
        "PATCH pipelines/pipelinepermissions",
      ]),
    );
    expect(seen.some((r) => /pullrequests$/i.test(r.path) && r.method === "POST")).toBe(true);

    const all = closure(table, manifest.scopes);
    const problems: string[] = [];
    for (const r of seen) {
      const relative = r.path.slice(new URL(emulator.orgUrl).pathname.length);
      const ops = matchOperations(r.method, relative);
      if (!areaOf(table, r.path))
        problems.push(`${r.method} ${r.path}: no area in configs/scopes.json`);
      else if (ops.length === 0) problems.push(`${r.method} ${r.path}: no operation in the specs`);
      else if (!ops.every((op) => allows(all, op)))
        problems.push(
          `${r.method} ${r.path}: needs one of ${ops.map((o) => o.anyOf.join("|")).join(", ")}`,
        );
    }
    expect(problems).toEqual([]);
  });
});
