// Steps: create the StackSpot service connection (client id and key as user name and password,
// realm in data.realm, where the task reads them), and allow the stackspot pipeline to use the
// connection and the agent queue so that a run StackSpot queues never waits for an approval.
import {
  AdoError,
  isPipelineAuthorized,
  ResourcePipelinePermissions,
  usernamePasswordEndpoint,
} from "../../../ado";
import { SERVICE_CONNECTION_TYPE, SERVICE_CONNECTION_URL } from "../../contract";
import { sameName } from "../../read/reads";
import { writeOnce } from "../writeOnce";
import { required, StepContext, StepOutcome } from "./context";

export async function createServiceConnection(
  ctx: StepContext,
  name: string,
): Promise<StepOutcome> {
  const creds = ctx.options.credentials;
  if (creds.kind !== "service-connection" || !creds.create)
    throw new Error("Internal error: no credentials to create the service connection with.");
  const { serviceEndpoint } = ctx.clients;
  const body = usernamePasswordEndpoint({
    name,
    type: SERVICE_CONNECTION_TYPE,
    url: SERVICE_CONNECTION_URL,
    description:
      "StackSpot credentials for the stackspot pipeline (created by the StackSpot set-up).",
    username: creds.create.clientId,
    password: creds.create.clientKey,
    data: { realm: creds.create.realm },
    project: { id: ctx.projectId, name: ctx.plan.state.project.name },
  });
  const endpoint = await writeOnce(ctx.clients.retry, {
    write: () => serviceEndpoint.createServiceEndpoint(body),
    verify: async () =>
      (await serviceEndpoint.getServiceEndpointsByNames(ctx.project, [name])).find(
        (e) => sameName(e.name, name) && e.type?.toLowerCase() === SERVICE_CONNECTION_TYPE,
      ),
  });
  if (!endpoint?.id)
    throw new Error("Internal error: the service connection was created without an id.");
  ctx.endpointId = endpoint.id;
  ctx.made.endpoint = {
    id: endpoint.id,
    name: endpoint.name,
    type: endpoint.type,
    isReady: endpoint.isReady,
  };
  return { detail: `Created the StackSpot service connection "${name}".` };
}

/**
 * Starts reading a resource's pipeline permissions early (it needs no other step), so it costs no
 * extra wave.
 */
export function prefetchPermissions(
  ctx: StepContext,
  type: "endpoint" | "queue",
  id: string | undefined,
): Promise<ResourcePipelinePermissions | undefined> | undefined {
  if (id === undefined) return undefined;
  const p = ctx.clients.pipelinePermissions.getPipelinePermissionsForResource(
    ctx.project,
    type,
    id,
  );
  p.catch(() => undefined); // awaited (and its error surfaced) by the step
  return p;
}

/** Where a resource's pipeline permissions are granted by hand. */
const SETTINGS_PAGES = {
  endpoint: "Project settings → Service connections",
  queue: "Project settings → Agent pools",
};

export async function authorizePipeline(
  ctx: StepContext,
  type: "endpoint" | "queue",
  resourceId: string,
  label: string,
  prefetched: Promise<ResourcePipelinePermissions | undefined> | undefined,
): Promise<StepOutcome> {
  const definitionId = required(ctx.definitionId, "the pipeline");
  const made = (permissions: ResourcePipelinePermissions) => {
    if (type === "endpoint") ctx.made.endpointPermissions = permissions;
    else ctx.made.queuePermissions = permissions;
  };
  if (prefetched) {
    const current = await prefetched;
    if (current && isPipelineAuthorized(current, definitionId)) {
      made(current);
      return { detail: `${label} is already open to the pipeline.` };
    }
  }
  // Setting a flag: safe to repeat, so the transport retries it by itself.
  const result = await ctx.clients.pipelinePermissions.updatePipelinePermissionsForResource(
    ctx.project,
    type,
    resourceId,
    [{ id: definitionId, authorized: true }],
  );
  if (result && !isPipelineAuthorized(result, definitionId))
    throw new AdoError(
      `Azure DevOps did not record the authorization of the pipeline on ${label}.`,
      `Run the set-up again. If it still fails, open ${SETTINGS_PAGES[type]}, ` +
        `choose ${label}, and under Security → Pipeline permissions ` +
        `add the pipeline "stackspot".`,
    );
  made(
    result ?? {
      resource: { type, id: resourceId },
      pipelines: [{ id: definitionId, authorized: true }],
    },
  );
  return { detail: `The pipeline may use ${label} without approval.` };
}
