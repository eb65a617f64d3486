// The StackSpot service connection is written by three parts that never talk at run time: the
// manifest declares the type, the set-up engine creates connections of it, the task reads them on
// the agent. This checks they agree, through the real engine against the emulator.
import * as fs from "fs";
import * as path from "path";
import { createPatClients } from "../../src/ado";
import { runSetup } from "../../src/setup";
import { SERVICE_CONNECTION_TYPE, SERVICE_CONNECTION_URL } from "../../src/setup/contract";
import { useEmulator } from "../emulator/useEmulator";
import { REPO_ROOT } from "./support/paths";

interface InputDescriptor {
  id: string;
  isConfidential?: boolean;
  inputMode?: string;
  validation?: { isRequired?: boolean };
}
interface EndpointType {
  name: string;
  url: { value?: string; isVisible?: string };
  inputDescriptors?: InputDescriptor[];
  authenticationSchemes: { type: string; inputDescriptors: InputDescriptor[] }[];
}

const manifest = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "vss-extension.json"), "utf8"),
) as {
  contributions: { type: string; properties: unknown }[];
};
const endpointType = manifest.contributions.find(
  (c) => c.type === "ms.vss-endpoint.service-endpoint-type",
)!.properties as EndpointType;
const taskJson = JSON.parse(
  fs.readFileSync(path.join(REPO_ROOT, "tasks/StackSpotResume/task.json"), "utf8"),
) as {
  inputs: { name: string; type: string }[];
};

/** The Azure DevOps scheme name of the manifest's basic authentication scheme. */
const BASIC_SCHEME = {
  type: "ms.vss-endpoint.endpoint-auth-scheme-basic",
  scheme: "UsernamePassword",
};

test("the manifest's type is the one the engine creates and the task asks for", () => {
  expect(endpointType.name).toBe(SERVICE_CONNECTION_TYPE);
  expect(endpointType.url).toMatchObject({ value: SERVICE_CONNECTION_URL, isVisible: "false" });
  expect(
    taskJson.inputs.filter((i) => i.type.startsWith("connectedService:")).map((i) => i.type),
  ).toEqual([`connectedService:${SERVICE_CONNECTION_TYPE}`]);
});

test("Client ID is the user name, Client Key a confidential password, Realm a field of the connection", () => {
  const [scheme] = endpointType.authenticationSchemes;
  expect(endpointType.authenticationSchemes).toHaveLength(1);
  expect(scheme.type).toBe(BASIC_SCHEME.type);
  const byId = Object.fromEntries(scheme.inputDescriptors.map((d) => [d.id, d]));
  expect(Object.keys(byId).sort()).toEqual(["password", "username"]);
  expect(byId.username).toMatchObject({
    name: "Client ID",
    isConfidential: false,
    validation: { isRequired: true },
  });
  expect(byId.password).toMatchObject({
    name: "Client Key",
    isConfidential: true,
    inputMode: "passwordbox",
    validation: { isRequired: true },
  });
  expect(endpointType.inputDescriptors?.map((d) => d.id)).toEqual(["realm"]);
  expect(endpointType.inputDescriptors![0]).toMatchObject({
    isConfidential: false,
    validation: { isRequired: true },
  });
});

describe("a connection the engine creates", () => {
  const emulator = useEmulator();

  test("has the manifest's type, scheme and fields, where the task reads them", async () => {
    emulator.addProject("Connections");
    const clients = createPatClients({ orgUrl: emulator.orgUrl, token: emulator.token });
    const credentials = { clientId: "client-id-7", clientKey: "client-key-7", realm: "realm-7" };
    await runSetup(clients, {
      project: "Connections",
      credentials: { kind: "service-connection", name: "stackspot", create: credentials },
    });
    const [endpoint] = emulator.listServiceEndpoints("Connections");
    expect(endpoint).toMatchObject({
      type: endpointType.name,
      url: endpointType.url.value,
      authorization: {
        scheme: BASIC_SCHEME.scheme,
        parameters: { username: credentials.clientId, password: credentials.clientKey },
      },
      data: { realm: credentials.realm },
    });
    // Exactly the fields the type declares: the agent hands the task
    // ENDPOINT_AUTH_PARAMETER_<id>_USERNAME / _PASSWORD for the scheme's inputs and
    // ENDPOINT_DATA_<id>_REALM for the type's own inputs.
    expect(Object.keys(endpoint.authorization.parameters).sort()).toEqual(
      endpointType.authenticationSchemes[0].inputDescriptors.map((d) => d.id).sort(),
    );
    expect(Object.keys(endpoint.data)).toEqual(endpointType.inputDescriptors!.map((d) => d.id));
  });
});
