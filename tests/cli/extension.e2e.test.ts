// The built CLI refuses to write in an organization without the StackSpot extension: the
// generated pipeline's StackSpotResume@1 task would not exist there. The emulator plays such an
// organization (behave({ extensionInstalled: false })).
import { useEmulator } from "../emulator/useEmulator";
import { EXTENSION_MARKETPLACE_URL } from "../../src/setup/contract";
import { CREDENTIALS_ENV, emulatorEnv, ensureBuilt, runCli } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();
afterEach(() => emu.behave({ extensionInstalled: true }));

it("setup blocks the project, names the Marketplace page and writes nothing", async () => {
  emu.behave({ extensionInstalled: false });
  emu.addProject("NoExtension");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  emu.clearRequests();
  const setup = await runCli(["setup", "--project", "NoExtension", "--yes", "--json"], env);
  expect(setup.code).toBe(1);
  expect(emu.requests.filter((r) => r.write)).toEqual([]);
  expect(
    emu.requests.some((r) => r.path.endsWith("/_apis/serviceendpoint/types") && r.query.type),
  ).toBe(true);
  const report = JSON.parse(setup.stdout).projects[0];
  expect(report.status).toBe("blocked");
  expect(report.checklist[0]).toMatchObject({
    key: "extension",
    state: "blocked",
    link: EXTENSION_MARKETPLACE_URL,
  });
  expect(report.error.remedy).toContain(EXTENSION_MARKETPLACE_URL);
  expect(emu.listRepositories("NoExtension")).toEqual([]);

  const plain = await runCli(["status", "--project", "NoExtension"], env);
  expect(plain.code).toBe(1);
  expect(plain.stdout).toMatch(/extension is not installed in this organization/);
  expect(plain.all).toContain(EXTENSION_MARKETPLACE_URL);
});

it("with the extension installed, the same project sets up", async () => {
  emu.addProject("WithExtension");
  const setup = await runCli(
    ["setup", "--project", "WithExtension", "--yes"],
    emulatorEnv(emu, CREDENTIALS_ENV),
  );
  expect(setup.code).toBe(0);
});
