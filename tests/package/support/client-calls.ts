// Finds the REST calls the hub can make, from the code rather than from a list: the clients come
// from the engine's own factory (src/ado/clients.ts), the methods from the calls written in src/,
// and each method's HTTP method and URL from running it through the engine's real transport with a
// recording fetch.
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { AdoClients, createClients } from "../../../src/ado/clients";
import { REPO_ROOT } from "./paths";

/**
 * Where the hub's calls are written: the engine, its REST layer and the hub itself (not the CLI).
 */
export const HUB_SOURCE_DIRS = ["src/ado", "src/setup", "src/hub"];

export interface ClientCall {
  /** Key of the client in AdoClients, e.g. "git". */
  client: string;
  /** Method name on that client, e.g. "createRepository". */
  method: string;
}

export interface IssuedRequest extends ClientCall {
  httpMethod: string;
  /** Path after the organization URL, e.g. "p0/_apis/git/Repositories". */
  path: string;
}

const ORG_URL = "http://scopes.invalid/org/";

/** The REST clients the engine builds, by their key in AdoClients. */
export function engineClients(
  fetch: (url: string, init: RequestInit) => Promise<Response>,
): Record<string, object> {
  const clients: AdoClients = createClients({
    orgUrl: ORG_URL,
    authHeader: async () => "Bearer scope-probe",
    fetch,
    retry: { maxAttempts: 1 },
  });
  const out: Record<string, object> = {};
  for (const [key, value] of Object.entries(clients)) {
    if (value && typeof (value as { beginRequest?: unknown }).beginRequest === "function")
      out[key] = value as object;
  }
  return out;
}

/** Public method names of a client (its own and inherited ones, short of Object). */
export function clientMethods(client: object): Set<string> {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(client);
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (
        name !== "constructor" &&
        !name.startsWith("_") &&
        typeof (proto as Record<string, unknown>)[name] === "function"
      )
        names.add(name);
    }
  }
  names.delete("beginRequest");
  return names;
}

function sourceFiles(dirs: string[]): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts")) files.push(full);
    }
  };
  for (const d of dirs) walk(path.join(REPO_ROOT, d));
  return files;
}

/** Every `receiver.method(` written in the files, with the receiver's last name when it has one. */
export function writtenCalls(
  dirs: string[] = HUB_SOURCE_DIRS,
): { receiver?: string; method: string; file: string }[] {
  const calls: { receiver?: string; method: string; file: string }[] = [];
  for (const file of sourceFiles(dirs)) {
    const source = ts.createSourceFile(
      file,
      fs.readFileSync(file, "utf8"),
      ts.ScriptTarget.ES2020,
      true,
      file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    );
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const target = node.expression.expression;
        const receiver = ts.isIdentifier(target)
          ? target.text
          : ts.isPropertyAccessExpression(target)
            ? target.name.text
            : undefined;
        calls.push({
          receiver,
          method: node.expression.name.text,
          file: path.relative(REPO_ROOT, file),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}

/**
 * The client methods the hub's code calls. A call whose receiver is named like a client
 * (`clients.git.x(`, `git.x(`) counts for that client only; any other call counts for every client
 * that has the method, so that a renamed variable can only add scopes to check, never hide a call.
 */
export function usedClientCalls(
  clients: Record<string, object>,
  dirs: string[] = HUB_SOURCE_DIRS,
): ClientCall[] {
  const methods = new Map(Object.entries(clients).map(([k, c]) => [k, clientMethods(c)]));
  const found = new Map<string, ClientCall>();
  for (const call of writtenCalls(dirs)) {
    const owners =
      call.receiver && methods.get(call.receiver)?.has(call.method)
        ? [call.receiver]
        : [...methods].filter(([, names]) => names.has(call.method)).map(([k]) => k);
    for (const client of owners)
      found.set(`${client}.${call.method}`, { client, method: call.method });
  }
  return [...found.values()].sort((a, b) =>
    `${a.client}.${a.method}`.localeCompare(`${b.client}.${b.method}`),
  );
}

/**
 * Placeholder arguments, tried in turn until the method sends its request: plain strings ("p0",
 * "p1", …) fill every route value; one-string arrays (["p0"], …) suit methods that join list
 * arguments, and still print as "p0" in a route.
 */
const PLACEHOLDERS: ((i: number) => unknown)[] = [(i) => `p${i}`, (i) => [`p${i}`]];

/**
 * Runs each call through the engine's transport with a fetch that records and answers 200, and
 * returns the requests it issued.
 */
export async function issuedRequests(calls: ClientCall[]): Promise<IssuedRequest[]> {
  const out: IssuedRequest[] = [];
  let current: ClientCall | undefined;
  const recorder = async (url: string, init: RequestInit): Promise<Response> => {
    if (current) {
      const u = new URL(url);
      out.push({
        ...current,
        httpMethod: (init.method ?? "GET").toUpperCase(),
        path: decodeURIComponent(u.pathname).slice(new URL(ORG_URL).pathname.length),
      });
    }
    return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
  };
  const clients = engineClients(recorder);
  for (const call of calls) {
    current = call;
    const fn = (clients[call.client] as Record<string, (...a: unknown[]) => Promise<unknown>>)[
      call.method
    ];
    const before = out.length;
    for (const placeholder of PLACEHOLDERS) {
      try {
        await fn.apply(
          clients[call.client],
          Array.from({ length: Math.max(fn.length, 8) }, (_, i) => placeholder(i)),
        );
      } catch {
        // Placeholder arguments may upset a method before or after its request; only the request
        // counts.
      }
      if (out.length > before) break;
    }
    current = undefined;
  }
  return out;
}
