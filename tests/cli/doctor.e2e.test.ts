// `stackspot-ado doctor` as a user runs it: the built CLI against the emulator playing a healthy
// organization, Azure DevOps Server 2022, a token without one scope, an organization without the
// extension and one that refuses the permissions API. Every run is read-only, and the harness
// searches every output for the token (runCli fails the test if it is there).
import { runSetup } from "../../src/setup";
import { EXTENSION_MARKETPLACE_URL } from "../../src/setup/contract";
import { useEmulator } from "../emulator/useEmulator";
import { clientsFor, creatingOptions } from "../setup/harness";
import { emulatorEnv, ensureBuilt, runCli, secretForms } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();
afterEach(() =>
  emu.behave({
    edition: "services",
    missingScopes: [],
    extensionInstalled: true,
    permissionsApiDenied: false,
  }),
);

async function doctor(args: string[]) {
  emu.clearRequests();
  const text = await runCli(["doctor", ...args], emulatorEnv(emu));
  const json = await runCli(["doctor", ...args, "--json"], emulatorEnv(emu));
  expect(emu.requests.filter((r) => r.write)).toEqual([]);
  for (const run of [text, json])
    for (const form of secretForms(emu.token)) expect(run.all).not.toContain(form);
  expect(json.code).toBe(text.code);
  return { text, report: JSON.parse(json.stdout) };
}

const line = (out: string, pattern: RegExp) => out.split("\n").find((l) => pattern.test(l));

it("a healthy organization and project: every check passes, with the runs' execution ids", async () => {
  emu.addProject("Healthy");
  const result = await runSetup(clientsFor(emu), creatingOptions("Healthy"));
  const id = result.plan.pipelineId ?? emu.listDefinitions("Healthy")[0].id;
  emu.addRun("Healthy", id, {
    state: "completed",
    result: "succeeded",
    templateParameters: { workflow_execution_id: "exec-42" },
  });
  const { text, report } = await doctor(["--project", "Healthy"]);
  expect(text.code).toBe(0);
  expect(text.stdout).toMatch(/^· service: Azure DevOps Services, from connectionData/m);
  expect(text.stdout).toMatch(/^✓ service: serves api-version 7\.2-preview\.4$/m);
  expect(text.stdout).toMatch(/^✓ token: Agent Pools \(Read\) \(vso\.agentpools\)/m);
  expect(text.stdout).toMatch(/^✓ permissions: /m);
  expect(text.stdout).toMatch(/^✓ extension: the StackSpot extension is installed/m);
  expect(text.stdout).toMatch(/^✓ project: Pipeline: /m);
  expect(line(text.stdout, /execution ids of the last 1 run/)).toMatch(/^✓ .*: exec-42/);
  expect(text.stdout).toMatch(/^· network: direct/m);
  expect(text.stdout).not.toMatch(/^✗/m);
  expect(report).toMatchObject({ command: "doctor", exitCode: 0, project: "Healthy" });
  expect(report.checks.every((c: any) => c.result !== "fail")).toBe(true);
});

it("Azure DevOps Server 2022: says plainly it is not supported, with the server's own message", async () => {
  emu.behave({ edition: "server2022" });
  const { text, report } = await doctor([]);
  expect(text.code).toBe(1);
  expect(text.stdout).toMatch(/^· service: Azure DevOps Server \(on premises\)/m);
  const refused = line(text.stdout, /refuses api-version 7\.2-preview\.4/)!;
  expect(refused).toMatch(/^✗ service: /);
  expect(refused).toContain(
    "The requested REST API version of 7.2 is out of range for this server. " +
      "The latest REST API version this server supports is 7.0.",
  );
  expect(refused).toContain("This server is not supported");
  expect(text.stdout).toMatch(/what to do: Use an Azure DevOps Services organization/);
  expect(report.checks.find((c: any) => c.result === "fail").area).toBe("service");
});

it("a token without one scope: names the PAT scope to add", async () => {
  emu.addProject("Scopes");
  emu.behave({ missingScopes: ["vso.agentpools"] });
  const { text, report } = await doctor(["--project", "Scopes"]);
  expect(text.code).toBe(1);
  const missing = line(text.stdout, /Agent Pools/)!;
  expect(missing).toMatch(
    /^✗ token: Agent Pools \(Read\) \(vso\.agentpools\): .* 401: the token lacks it/,
  );
  expect(text.stdout).toMatch(/what to do: Add the scope "Agent Pools \(Read\)" to the token/);
  expect(text.stdout).toMatch(/^✓ token: Code \(Read, write & manage\)/m);
  const failedTokens = report.checks.filter((c: any) => c.result === "fail" && c.area === "token");
  expect(failedTokens).toHaveLength(1);
});

it("an organization without the extension: names the Marketplace page", async () => {
  emu.behave({ extensionInstalled: false });
  const { text } = await doctor([]);
  expect(text.code).toBe(1);
  expect(text.stdout).toMatch(/^✗ extension: the StackSpot extension is not installed/m);
  expect(text.stdout).toContain(`Install it from the Marketplace: ${EXTENSION_MARKETPLACE_URL}`);
});

it("a refused permissions API: says the set-up goes on unchecked", async () => {
  emu.addProject("NoChecks");
  emu.behave({ permissionsApiDenied: true });
  const { text } = await doctor(["--project", "NoChecks"]);
  expect(text.code).toBe(1);
  expect(text.stdout).toMatch(/^✗ permissions: GET _apis\/permissions answered 403/m);
  expect(text.stdout).toMatch(/Nothing blocks the set-up/);
});

it("names the proxy in use, never its password", async () => {
  const run = await runCli(["doctor", "--help"], {});
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/stackspot-ado doctor --org-url URL/);
  const proxied = await runCli(
    ["doctor"],
    emulatorEnv(emu, { HTTP_PROXY: "http://user:hunter22@127.0.0.1:9", NO_PROXY: "127.0.0.1" }),
  );
  expect(proxied.stdout).toMatch(/^· network: through the proxy 127\.0\.0\.1:9 \(from HTTP_PROXY/m);
  expect(proxied.all).not.toContain("hunter22");
});
