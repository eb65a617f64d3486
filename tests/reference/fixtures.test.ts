// The copies under tests/fixtures are exactly what the tests read: the manifest the refresh wrote
// lists what keep-list.ts works out from the tests' own lists, and the folder holds those files,
// byte for byte, and nothing else. A catalog entry added without a refresh, a refresh that missed
// a file, or a copy edited by hand fails here, naming the file.
import * as fs from "fs";
import * as path from "path";
import { loadSpecIndex } from "../contract/spec-index";
import { keptFiles } from "./keep-list";
import { readManifest, sha256 } from "./manifest";
import { FIXTURES_DIR, fixturePath, MANIFEST, MANIFEST_FILE, README, SPECS_DIR } from "./paths";

const manifest = readManifest(MANIFEST_FILE);
const listed = Object.keys(manifest.files).sort();

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? filesUnder(path.join(dir, e.name))
        : [path.relative(FIXTURES_DIR, path.join(dir, e.name)).split(path.sep).join("/")],
    );
}

it("the manifest lists exactly the reference files the tests read", () => {
  const needed = keptFiles(loadSpecIndex(SPECS_DIR), SPECS_DIR);
  expect({ missing: needed.filter((f) => !listed.includes(f)) }).toEqual({ missing: [] });
  expect({ unused: listed.filter((f) => !needed.includes(f)) }).toEqual({ unused: [] });
});

it("the folder holds every file the manifest lists, unchanged, and nothing else", () => {
  const present = filesUnder(FIXTURES_DIR).filter((f) => f !== MANIFEST && f !== README);
  expect({ missing: listed.filter((f) => !present.includes(f)) }).toEqual({ missing: [] });
  expect({ unlisted: present.filter((f) => !listed.includes(f)) }).toEqual({ unlisted: [] });
  const changed = listed.filter(
    (f) =>
      fs.existsSync(fixturePath(f)) &&
      sha256(fs.readFileSync(fixturePath(f))) !== manifest.files[f],
  );
  expect({ changed }).toEqual({ changed: [] });
});

it("the README names each source's license file and the refresh command", () => {
  const readme = fs.readFileSync(fixturePath(README), "utf8");
  for (const f of listed.filter((l) => /(^|\/)LICENSE/.test(l))) expect(readme).toContain(f);
  expect(readme).toContain("scripts/refresh-reference.js");
});
