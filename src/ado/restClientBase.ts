// The library's RestClientBase, for our own clients (./rest/, pipelinePermissionsClient.ts,
// securityClient.ts): they share the transport, the retries and the error mapping of the rest.
import { PipelinesRestClient } from "azure-devops-extension-api/Pipelines";
import type * as Common from "azure-devops-extension-api/Common/RestClientBase";

// The package's "exports" map does not expose Common/RestClientBase at run time (only its types);
// every generated client extends it, so take it from one of them: the smallest the engine uses
// anyway.
export const RestClientBase = Object.getPrototypeOf(
  PipelinesRestClient,
) as typeof Common.RestClientBase;
