// distributedtask: agent queues of a project (list, by name or names, by id).
import type { ApiRequest, ApiResult, Route } from "../router";
import { errors } from "../errors";
import { isDenied } from "../permissions";
import { taskAgentQueueJson } from "../shapes";
import { collection } from "../wire";

function listQueues(req: ApiRequest): ApiResult {
  const project = req.project!;
  if (isDenied(req, "ViewQueues")) return { status: 200, body: collection(req.wire, []) };
  const name = req.query.get("queueName");
  const names = req.query.get("queueNames");
  let queues = [...project.queues.values()];
  if (name) queues = queues.filter((q) => q.name.toLowerCase() === name.toLowerCase());
  if (names) {
    const wanted = new Set(names.split(",").map((n) => n.trim().toLowerCase()));
    queues = queues.filter((q) => wanted.has(q.name.toLowerCase()));
  }
  const ids = req.query.get("queueIds");
  if (ids) {
    const wanted = new Set(ids.split(",").map(Number));
    queues = queues.filter((q) => wanted.has(q.id));
  }
  queues.sort((a, b) => a.name.localeCompare(b.name));
  return {
    status: 200,
    body: collection(
      req.wire,
      queues.map((q) => taskAgentQueueJson(req, project, q)),
    ),
  };
}

function getQueue(req: ApiRequest): ApiResult {
  const project = req.project!;
  const queue = project.queues.get(Number(req.params.queueId));
  if (!queue || isDenied(req, "ViewQueues")) throw errors.queueNotFound(req.params.queueId);
  return { status: 200, body: taskAgentQueueJson(req, project, queue) };
}

export const taskAgentRoutes: Route[] = [
  {
    method: "GET",
    template: "_apis/distributedtask/queues",
    scope: "project",
    handler: listQueues,
  },
  {
    method: "GET",
    template: "_apis/distributedtask/queues/{queueId}",
    scope: "project",
    handler: getQueue,
  },
];
