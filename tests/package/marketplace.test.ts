// The Marketplace page the set-up sends people to when the organization lacks the extension is the
// one the manifest publishes (publisher and id of vss-extension.json, with the release
// overrides of configs/release.json), and the emulator's "stackspot" endpoint type is the
// manifest's.
import * as fs from "fs";
import * as path from "path";
import { EXTENSION_MARKETPLACE_URL, SERVICE_CONNECTION_TYPE } from "../../src/setup/contract";

const ROOT = path.resolve(__dirname, "../..");
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.join(ROOT, file), "utf8"));

it("names the released extension's Marketplace page", () => {
  const manifest = { ...readJson("vss-extension.json"), ...readJson("configs/release.json") };
  expect(EXTENSION_MARKETPLACE_URL).toBe(
    `https://marketplace.visualstudio.com/items?itemName=${manifest.publisher}.${manifest.id}`,
  );
});

it("looks for the endpoint type the extension contributes", () => {
  const contribution = readJson("vss-extension.json").contributions.find(
    (c: any) => c.type === "ms.vss-endpoint.service-endpoint-type",
  );
  expect(contribution.properties.name).toBe(SERVICE_CONNECTION_TYPE);
});
