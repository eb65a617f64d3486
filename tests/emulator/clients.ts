// Test helpers: the real azure-devops-extension-api clients pointed at an emulator, and a raw fetch
// for what the clients hide (status codes, headers, Retry-After).
import { CoreRestClient } from "azure-devops-extension-api/Core";
import { GitRestClient } from "azure-devops-extension-api/Git";
import { BuildRestClient } from "azure-devops-extension-api/Build";
import { PipelinesRestClient } from "azure-devops-extension-api/Pipelines";
import { TaskAgentRestClient } from "azure-devops-extension-api/TaskAgent";
import { ServiceEndpointRestClient } from "azure-devops-extension-api/ServiceEndpoint";
import { LocationsRestClient } from "azure-devops-extension-api/Locations";
import type { IVssRestClientOptions } from "azure-devops-extension-api/Common";
import type { Emulator } from "./types";

export function basicAuth(token: string): string {
  return "Basic " + Buffer.from(":" + token).toString("base64");
}

export function clientOptions(emu: Emulator, token = emu.token): IVssRestClientOptions {
  return {
    rootPath: emu.orgUrl,
    authTokenProvider: { getAuthorizationHeader: async () => basicAuth(token) },
  };
}

export function clientsFor(emu: Emulator, token = emu.token) {
  const options = clientOptions(emu, token);
  return {
    core: new CoreRestClient(options),
    git: new GitRestClient(options),
    build: new BuildRestClient(options),
    pipelines: new PipelinesRestClient(options),
    taskAgent: new TaskAgentRestClient(options),
    serviceEndpoint: new ServiceEndpointRestClient(options),
    locations: new LocationsRestClient(options),
  };
}

/** The clients' Accept header for an api-version, as RestClientBase writes it. */
export function clientAccept(apiVersion: string, mediaType = "application/json"): string {
  return `${mediaType};api-version=${apiVersion};excludeUrls=true;enumsAsNumbers=true;msDateFormat=true;noArrayWrap=true`;
}

export interface RawAnswer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

/** A plain fetch with the emulator's token, for status codes, headers and raw bodies. */
export async function rawFetch(
  emu: Emulator,
  method: string,
  path: string,
  opts: { body?: unknown; accept?: string; auth?: string | null; signal?: AbortSignal } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = {
    Accept: opts.accept ?? "application/json;api-version=7.1",
  };
  if (opts.auth !== null) headers.Authorization = opts.auth ?? basicAuth(emu.token);
  if (opts.body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(emu.baseUrl + path, {
    method,
    headers,
    signal: opts.signal,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Awaits a rejected client call and returns its error (status, serverError) for assertions. */
export async function failure(promise: Promise<unknown>): Promise<{
  status?: number;
  message: string;
  serverError?: { typeKey?: string; message?: string };
}> {
  try {
    await promise;
  } catch (error) {
    return error as { status?: number; message: string; serverError?: { typeKey?: string } };
  }
  throw new Error("Expected the call to fail, but it succeeded.");
}
