// The permission-check client over real HTTP against the emulator: one answer per token, a
// separator that no token contains (pipeline folders may hold commas), the tokens the set-up asks
// about, and the call described in the user's words when it fails.
import { createPatClients, describeOperation, permissionBits, securityTokens } from "../../src/ado";
import { useEmulator } from "../emulator/useEmulator";

const emu = useEmulator();
let demo: string;
beforeAll(() => {
  demo = emu.addProject("Demo").id;
});

it("answers one boolean per token, in order, for the bits asked", async () => {
  const { security } = createPatClients({ orgUrl: emu.orgUrl, token: emu.token });
  const git = permissionBits.createRepository;
  emu.deny("CreateRepository");
  try {
    expect(
      await security.hasPermissions(git.namespaceId, git.bit, [securityTokens.gitProject(demo)]),
    ).toEqual([false]);
    const contribute = permissionBits.contribute;
    expect(
      await security.hasPermissions(contribute.namespaceId, contribute.bit, [
        securityTokens.gitProject(demo),
        securityTokens.gitRepository(demo, "r"),
      ]),
    ).toEqual([true, true]);
  } finally {
    emu.allow("CreateRepository");
  }
  const request = emu.requests.at(-1)!;
  expect(request.method).toBe("GET");
  expect(request.query).toMatchObject({
    alwaysAllowAdministrators: "true",
    tokens: `repoV2/${demo},repoV2/${demo}/r`,
  });
});

it("joins tokens with a separator none of them holds", async () => {
  const { security } = createPatClients({ orgUrl: emu.orgUrl, token: emu.token });
  const edit = permissionBits.editBuildDefinition;
  const inFolder = securityTokens.buildDefinition(demo, "\\team, and more\\sub", 7);
  expect(inFolder).toBe(`${demo}/team, and more/sub/7`);
  expect(
    await security.hasPermissions(edit.namespaceId, edit.bit, [
      inFolder,
      securityTokens.buildProject(demo),
    ]),
  ).toEqual([true, true]);
  expect(emu.requests.at(-1)!.query).toMatchObject({
    delimiter: "|",
    tokens: `${inFolder}|${demo}`,
  });
});

it("writes the tokens of each namespace as the service reads them", () => {
  expect(securityTokens.buildDefinition("p", "\\", 3)).toBe("p/3");
  expect(securityTokens.endpoint("p", "e")).toBe("endpoints/p/e");
  expect(securityTokens.endpointsProject("p")).toBe("endpoints/p");
  expect(
    describeOperation(
      "GET",
      `/demo-org/_apis/permissions/${permissionBits.contribute.namespaceId}/4`,
    ),
  ).toMatchObject({ operation: "check your permissions", idempotent: true });
});
