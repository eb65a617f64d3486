// Route tables in the service's own URL shapes ("_apis/git/repositories/{repositoryId}/pushes"),
// matched case-insensitively (the clients write "Repositories", "Items", "ConnectionData"...).
import type { Permission } from "./types";
import type { Project, State } from "./state";
import { errors } from "./errors";
import type { Query, WireFormat } from "./wire";

/** What the handlers see of the emulator. */
export interface EmulatorCore {
  readonly state: State;
  readonly organization: string;
  readonly baseUrl: string;
  /** http://127.0.0.1:PORT/org/ */
  readonly orgUrl: string;
}

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Query;
  body: unknown;
  wire: WireFormat;
  /**
   * The media type the client accepts (application/json, text/plain, application/octet-stream...).
   */
  mediaType: string;
  /** Set when the route is project-scoped and {project} resolved. */
  project?: Project;
  core: EmulatorCore;
}

export interface ApiResult {
  status: number;
  /** JSON body (Dates allowed). */
  body?: unknown;
  /** Non-JSON body (file content). */
  raw?: Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Handler = (req: ApiRequest) => ApiResult;

export interface Route {
  method: string;
  /**
   * Path after the organization (and project, when scoped):
   * "_apis/git/repositories/{repositoryId}".
   */
  template: string;
  /** "project": needs {project}; "org": none; "either": both forms exist (ids are global). */
  scope: "project" | "org" | "either";
  handler: Handler;
}

interface CompiledRoute extends Route {
  segments: { literal?: string; param?: string; wildcard?: boolean }[];
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  project?: Project;
}

export class Router {
  private readonly routes: CompiledRoute[] = [];

  add(...routes: Route[]): void {
    for (const route of routes) {
      const segments = route.template
        .split("/")
        .filter(Boolean)
        .map((s) => {
          const m = /^\{(\*?)(\w+)\}$/.exec(s);
          return m ? { param: m[2], wildcard: m[1] === "*" } : { literal: s.toLowerCase() };
        });
      this.routes.push({ ...route, segments });
    }
  }

  /**
   * Finds the route for a path below the organization. Throws the service's 404 for an unknown
   * project (also when the user may not see it) and 405 when only the method is wrong.
   */
  match(method: string, segments: string[], state: State, path: string): RouteMatch {
    const projectForm = segments.length > 1 && segments[0].toLowerCase() !== "_apis";
    const rest = projectForm ? segments.slice(1) : segments;
    let methodMismatch = false;
    for (const route of this.routes) {
      if (projectForm ? route.scope === "org" : route.scope === "project") continue;
      const params = matchSegments(route.segments, rest);
      if (!params) continue;
      if (route.method !== method) {
        methodMismatch = true;
        continue;
      }
      if (!projectForm) return { route, params };
      const project = state.findProject(segments[0]);
      if (!project || state.isDenied("ViewProject" as Permission, project.id))
        throw errors.projectNotFound(segments[0]);
      return { route, params, project };
    }
    throw methodMismatch ? errors.methodNotAllowed(method) : errors.noRoute(path);
  }
}

function matchSegments(
  template: CompiledRoute["segments"],
  actual: string[],
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i++) {
    const t = template[i];
    if (t.wildcard) {
      params[t.param!] = actual.slice(i).join("/");
      return params;
    }
    const a = actual[i];
    if (a === undefined) return undefined;
    if (t.literal !== undefined) {
      if (a.toLowerCase() !== t.literal) return undefined;
    } else {
      params[t.param!] = a;
    }
  }
  return actual.length === template.length ? params : undefined;
}
