// The client key never reaches a log line, an error, a progress event or a plan, whatever fails.
import { createPatClients, RequestEvent } from "../../src/ado";
import { runSetup, SetupProgressEvent } from "../../src/setup";
import type { Emulator } from "../emulator/types";
import { CREDENTIALS, FAST_RETRY, useEmulator } from "./harness";

const emu: Emulator = useEmulator();

/** JSON.stringify replacer that keeps an error's message and stack as well as its fields. */
const errorsToo = (_key: string, v: unknown) =>
  v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v;

/** Captures everything written to the console and to stdout/stderr while `fn` runs. */
async function captureOutput(fn: () => Promise<unknown>): Promise<string> {
  const chunks: string[] = [];
  const methods = ["log", "info", "warn", "error", "debug", "trace"] as const;
  const saved = methods.map((m) => console[m]);
  const savedOut = process.stdout.write.bind(process.stdout);
  const savedErr = process.stderr.write.bind(process.stderr);
  methods.forEach((m) => {
    console[m] = (...args: unknown[]) => {
      chunks.push(
        args
          .map((a) =>
            a instanceof Error
              ? `${a.message}\n${a.stack}`
              : typeof a === "string"
                ? a
                : JSON.stringify(a),
          )
          .join(" "),
      );
    };
  });
  process.stdout.write = ((c: unknown) => {
    chunks.push(String(c));
    return true;
  }) as typeof process.stdout.write;
  process.stderr.write = ((c: unknown) => {
    chunks.push(String(c));
    return true;
  }) as typeof process.stderr.write;
  try {
    await fn();
  } finally {
    methods.forEach((m, i) => {
      console[m] = saved[i];
    });
    process.stdout.write = savedOut;
    process.stderr.write = savedErr;
  }
  return chunks.join("\n");
}

it.each([
  [
    "a 500 once on the connection's creation",
    { method: "POST", route: "/_apis/serviceendpoint/endpoints", status: 500 },
  ],
  [
    "a reset after the connection was created",
    { method: "POST", route: "/_apis/serviceendpoint/endpoints", reset: true, afterHandling: true },
  ],
  [
    "a permanent 503 on the connection's creation",
    { method: "POST", route: "/_apis/serviceendpoint/endpoints", status: 503, times: Infinity },
  ],
  [
    "a permanent 500 on every write",
    { method: "POST", route: "/_apis/", status: 500, times: Infinity },
  ],
  [
    "secret variables, failing the pipeline's creation",
    { method: "POST", route: "/_apis/build/definitions", status: 400, times: Infinity },
  ],
])("%s", async (label, fault) => {
  const project = `Secret-${label.replace(/\W+/g, "-")}`;
  emu.addProject(project);
  emu.addFault(fault);
  const events: SetupProgressEvent[] = [];
  const requests: RequestEvent[] = [];
  let outcome: unknown;
  const credentials = label.startsWith("secret variables")
    ? { kind: "variables" as const, values: CREDENTIALS }
    : { kind: "service-connection" as const, name: "stackspot", create: CREDENTIALS };
  const output = await captureOutput(async () => {
    const clients = createPatClients({
      orgUrl: emu.orgUrl,
      token: emu.token,
      retry: FAST_RETRY,
      onRequest: (e) => requests.push(e),
    });
    try {
      outcome = await runSetup(
        clients,
        { project, credentials },
        {
          onProgress: (e) => {
            events.push(e);
            console.log(e.type, "message" in e ? `${e.message} ${e.remedy}` : "");
          },
        },
      );
    } catch (e) {
      outcome = e;
      console.error(e);
    }
  });
  emu.clearFaults();
  const everything = [
    output,
    JSON.stringify(outcome, errorsToo),
    JSON.stringify(events, errorsToo),
    JSON.stringify(requests, errorsToo),
  ].join("\n");
  expect(everything.length).toBeGreaterThan(100);
  expect(everything).not.toContain(CREDENTIALS.clientKey);
  expect(everything).not.toContain(emu.token);
});
