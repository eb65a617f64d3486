// Service connections as the engine creates them: user name and password credentials, scoped to
// one project and not shared.
import type { ServiceEndpoint } from "azure-devops-extension-api/ServiceEndpoint/ServiceEndpoint";

export interface UsernamePasswordEndpoint {
  name: string;
  type: string;
  url: string;
  description: string;
  username: string;
  password: string;
  /** Extra fields the connection's type declares (e.g. a realm). */
  data: Record<string, string>;
  project: { id: string; name: string };
}

export function usernamePasswordEndpoint(e: UsernamePasswordEndpoint): ServiceEndpoint {
  const body: Partial<ServiceEndpoint> = {
    name: e.name,
    type: e.type,
    url: e.url,
    description: e.description,
    authorization: {
      scheme: "UsernamePassword",
      parameters: { username: e.username, password: e.password },
    },
    data: e.data,
    isShared: false,
    owner: "library",
    serviceEndpointProjectReferences: [
      {
        name: e.name,
        projectReference: e.project,
      } as ServiceEndpoint["serviceEndpointProjectReferences"][number],
    ],
  };
  return body as ServiceEndpoint;
}
