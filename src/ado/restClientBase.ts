// The library's RestClientBase, for the clients it lacks (pipelinePermissionsClient.ts,
// securityClient.ts): they share the transport, the retries and the error mapping of the rest.
import { CoreRestClient } from "azure-devops-extension-api/Core";
import type * as Common from "azure-devops-extension-api/Common/RestClientBase";

// The package's "exports" map does not expose Common/RestClientBase at run time (only its types);
// every generated client extends it, so take it from one of them.
export const RestClientBase = Object.getPrototypeOf(CoreRestClient) as typeof Common.RestClientBase;
