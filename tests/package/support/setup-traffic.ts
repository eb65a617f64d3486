// The requests the real engine sends while it sets projects up, recorded by the emulator: an empty
// project, a project whose default branch is protected (set-up through a topic branch and a pull
// request), and the runs list the hub shows.
import { createPatClients } from "../../../src/ado";
import { listStackspotRuns, runSetup } from "../../../src/setup";
import type { Emulator, RequestRecord } from "../../emulator/types";

export async function recordSetupTraffic(emulator: Emulator): Promise<RequestRecord[]> {
  const clients = createPatClients({ orgUrl: emulator.orgUrl, token: emulator.token });
  const credentials = {
    kind: "service-connection" as const,
    name: "stackspot",
    create: { clientId: "traffic-id", clientKey: "traffic-key", realm: "traffic-realm" },
  };
  emulator.clearRequests();
  emulator.addProject("Empty");
  await runSetup(clients, { project: "Empty", credentials });
  await listStackspotRuns(clients, "Empty");
  emulator.addProject("Protected");
  emulator.addRepository("Protected", "repo-runner-actions", {
    defaultBranch: "main",
    files: { "README.md": "hello" },
  });
  emulator.protectBranch("Protected", "repo-runner-actions", "main");
  await runSetup(clients, { project: "Protected", credentials });
  return [...emulator.requests];
}
