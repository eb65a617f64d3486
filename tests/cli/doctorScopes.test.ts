// doctor proves each scope the product needs: its reads cover every area of configs/scopes.json
// that has a scope, with that area's scopes, and each read stays inside its area.
import * as fs from "fs";
import * as path from "path";
import { SCOPE_READS } from "../../src/cli/doctor/tokenCheck";

const table = JSON.parse(
  fs.readFileSync(path.join(__dirname, "../../configs/scopes.json"), "utf8"),
) as { areas: Record<string, { scopes: string[] }> };

it("has one read (or a stated reason for none) per scope of every area", () => {
  const wanted = Object.entries(table.areas)
    .filter(([, a]) => a.scopes.length)
    .map(([area, a]) => `${area} ${a.scopes[0]}`)
    .sort();
  expect(SCOPE_READS.map((r) => `${r.area} ${r.scope}`).sort()).toEqual(wanted);
});

it("reads each area inside that area", () => {
  for (const r of SCOPE_READS.filter((r) => r.path))
    expect({ area: r.area, path: r.path }).toEqual({
      area: r.area,
      path: expect.stringMatching(new RegExp(`_apis/${r.area.split("/")[0]}(/|\\?|$)`)),
    });
});
