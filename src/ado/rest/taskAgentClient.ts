// The agent queue call the engine makes, on the package's RestClientBase and types: the generated
// TaskAgentRestClient ships every method of the area (46 KB of the hub's bundle). Route,
// api-version and parameters are the generated client's.
import type {
  TaskAgentQueue,
  TaskAgentQueueActionFilter,
} from "azure-devops-extension-api/TaskAgent/TaskAgent";
import { RestClientBase } from "../restClientBase";

export class TaskAgentClient extends RestClientBase {
  static readonly RESOURCE_AREA_ID = "a85b8835-c1a1-4aac-ae97-1c3d0ba72dbd";

  getAgentQueues(
    project?: string,
    queueName?: string,
    actionFilter?: TaskAgentQueueActionFilter,
  ): Promise<TaskAgentQueue[]> {
    return this.beginRequest<TaskAgentQueue[]>({
      apiVersion: "7.2-preview.1",
      routeTemplate: "{project}/_apis/distributedtask/queues/{queueId}",
      routeValues: { project },
      queryParams: { queueName, actionFilter },
    });
  }
}
