// Shared by the engine's integration tests: an emulator over real HTTP, PAT clients with short
// timings (so faults resolve in milliseconds), and checks of the StackSpot contract read from the
// emulator's own view (not through the engine).
import { createPatClients, AdoClients, RetryPolicy } from "../../src/ado";
import { renderPipelineFile, SetupOptions } from "../../src/setup";
import type { Emulator, RequestRecord } from "../emulator/types";
import { emulatorTimings } from "../support/emulator-timing";

export const FAST_RETRY: Partial<RetryPolicy> = {
  maxAttempts: 4,
  baseDelayMs: 5,
  maxDelayMs: 20,
  maxElapsedMs: 30_000,
  // Generous: the emulator checks every request against the REST specs, on a busy 2-core machine.
  requestTimeoutMs: 15_000,
  maxRetryAfterMs: 2_000,
};

// The engine's tests share one emulator per file: `const emu = useEmulator();` at the top level.
export { useEmulator } from "../emulator/useEmulator";

/**
 * PAT clients on the emulator. Their requests time out only when the emulator withholds the answer,
 * and their retry budget reads a virtual clock (support/emulator-timing.ts), so a busy machine
 * changes no outcome; timings in `retry` win over those.
 */
export function clientsFor(
  emu: Emulator,
  retry: Partial<RetryPolicy> = FAST_RETRY,
  token = emu.token,
): AdoClients {
  return createPatClients({
    orgUrl: emu.orgUrl,
    token,
    retry: { ...emulatorTimings(emu), ...retry },
  });
}

export const CREDENTIALS = {
  clientId: "stk-client-id-123",
  clientKey: "SECRET-client-key-do-not-log-9f8e7d",
  realm: "acme-realm",
};

/** The options most tests use: create the StackSpot service connection. */
export function creatingOptions(project: string, extra: Partial<SetupOptions> = {}): SetupOptions {
  return {
    project,
    credentials: { kind: "service-connection", name: "stackspot", create: CREDENTIALS },
    ...extra,
  };
}

/**
 * Asserts, from the emulator's own state, that the project meets the StackSpot contract exactly.
 */
export function expectContract(
  emu: Emulator,
  project: string,
  options: SetupOptions,
  repository = "repo-runner-actions",
): void {
  const repos = emu.listRepositories(project).filter((r) => r.name === repository);
  expect(repos).toHaveLength(1);
  const repo = repos[0];
  expect(repo.defaultBranch).toBe("refs/heads/main");
  expect(emu.getFile(project, repository, "main", "/stackspot.yml")).toBe(
    renderPipelineFile(options),
  );
  const defs = emu.listDefinitions(project).filter((d) => d.name.toLowerCase() === "stackspot");
  expect(defs).toHaveLength(1);
  const def = defs[0];
  expect(def.name).toBe("stackspot");
  expect(def.path).toBe("\\");
  expect(def.repositoryId).toBe(repo.id);
  expect(def.yamlFilename).toBe("/stackspot.yml");
  for (const name of ["secret_cli_login", "secret_git"]) {
    expect(def.variables[name]).toMatchObject({ isSecret: true, allowOverride: true });
    expect(def.variables[name].value ?? "").toBe("");
  }
  const creds = options.credentials ?? { kind: "service-connection", name: "stackspot" };
  if (creds.kind === "service-connection") {
    const eps = emu.listServiceEndpoints(project).filter((e) => e.name === creds.name);
    expect(eps).toHaveLength(1);
    expect(eps[0].type).toBe("stackspot");
    if (creds.create) {
      expect(eps[0].authorization.scheme).toBe("UsernamePassword");
      expect(eps[0].authorization.parameters).toMatchObject({
        username: creds.create.clientId,
        password: creds.create.clientKey,
      });
      expect(eps[0].data.realm).toBe(creds.create.realm);
    }
    const perms = emu.pipelinePermissions(project, "endpoint", eps[0].id);
    expect(perms.allPipelines || perms.pipelineIds.includes(def.id)).toBe(true);
  } else {
    for (const name of ["STK_CLIENT_ID", "STK_CLIENT_KEY", "STK_REALM"])
      expect(def.variables[name]).toMatchObject({ isSecret: true });
  }
}

export function writes(requests: RequestRecord[]): RequestRecord[] {
  return requests.filter((r) => r.write);
}
