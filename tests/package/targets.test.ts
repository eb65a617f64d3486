// The manifest's installation targets promise only what the REST calls can keep: each Azure DevOps
// Server release refuses api-versions above its own (2022 → 7.0, 2020 → 6.0, 2019 → 5.0;
// Microsoft's "REST API versioning" table), and the extension-api clients ask for 7.2-preview. So
// the targets may name a Server version only when every api-version the engine sends is one that
// version serves.
import * as fs from "fs";
import * as path from "path";
import { useEmulator } from "../emulator/useEmulator";
import { REPO_ROOT } from "./support/paths";
import { recordSetupTraffic } from "./support/setup-traffic";

/** Highest REST API version each Azure DevOps Server major version serves. */
const SERVER_API: Record<number, number> = { 17: 5.0, 18: 6.0, 19: 7.0 };
const SERVER_TARGET = "Microsoft.TeamFoundation.Server";
/** Shorthand that includes Azure DevOps Server from 14.2 on. */
const BOTH_TARGET = "Microsoft.VisualStudio.Services";

const manifest = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "vss-extension.json"), "utf8"),
) as {
  targets: { id: string; version?: string }[];
};

/** The lowest Server major version a target range admits, e.g. "[19.0,)" → 19. */
function lowestServer(target: { id: string; version?: string }): number {
  if (target.id === BOTH_TARGET) return 14;
  const m = /^[[(]?\s*(\d+)/.exec(target.version ?? "");
  return m ? Number(m[1]) : 0;
}

const emulator = useEmulator();
let apiVersions: number[];

beforeAll(async () => {
  const traffic = await recordSetupTraffic(emulator);
  apiVersions = [
    ...new Set(traffic.map((r) => r.apiVersion).filter((v): v is string => Boolean(v))),
  ].map((v) => parseFloat(v));
});

test("the engine's requests carry an api-version (the check below has something to check)", () => {
  expect(apiVersions.length).toBeGreaterThan(0);
});

test("no targeted Azure DevOps Server release would refuse an api-version the engine sends", () => {
  const highest = Math.max(...apiVersions);
  const servers = manifest.targets.filter((t) => t.id === SERVER_TARGET || t.id === BOTH_TARGET);
  const refusing = servers.filter((t) => (SERVER_API[lowestServer(t)] ?? 0) < highest);
  expect(
    refusing.map((t) => `${t.id} ${t.version ?? ""} cannot serve api-version ${highest}`),
  ).toEqual([]);
  // Azure DevOps Services serves them all.
  expect(manifest.targets.map((t) => t.id)).toEqual(
    expect.arrayContaining(["Microsoft.VisualStudio.Services.Cloud"]),
  );
});
