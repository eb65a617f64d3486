// The service's error answers. Azure DevOps serializes every server exception the same way:
// {"$id":"1","innerException":null,"message","typeName","typeKey","errorCode":0,"eventId":3000}.
// Messages and TF codes below come from Microsoft's exception texts as seen in public reports; the
// ones written from memory rather than from a captured answer are listed in KNOWN-DIFFERENCES.md.

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly typeKey: string,
    readonly typeAssembly: string,
    readonly headers: Record<string, string> = {},
    readonly eventId = 3000,
  ) {
    super(message);
  }

  get typeName(): string {
    return this.typeAssembly.includes(",")
      ? this.typeAssembly
      : `${this.typeAssembly}.${this.typeKey}, ${this.typeAssembly}`;
  }

  body(): Record<string, unknown> {
    return {
      $id: "1",
      innerException: null,
      message: this.message,
      typeName: this.typeName,
      typeKey: this.typeKey,
      errorCode: 0,
      eventId: this.eventId,
    };
  }
}

const WEBAPI = "Microsoft.VisualStudio.Services.WebApi";
const FRAMEWORK = "Microsoft.TeamFoundation.Framework.Server";
const CORE = "Microsoft.TeamFoundation.Core.WebApi";
const GIT = "Microsoft.TeamFoundation.Git.Server";
const BUILD = "Microsoft.TeamFoundation.Build.WebApi.{T}, Microsoft.TeamFoundation.Build2.WebApi";
const DT = "Microsoft.TeamFoundation.DistributedTask.WebApi";
const SE = "Microsoft.VisualStudio.Services.ServiceEndpoints.WebApi";

const build = (status: number, message: string, typeKey: string) =>
  new ServiceError(status, message, typeKey, BUILD.replace("{T}", typeKey));

export const errors = {
  // --- platform ---
  unauthorized: () =>
    new ServiceError(
      401,
      "TF400813: The user '' is not authorized to access this resource.",
      "UnauthorizedRequestException",
      FRAMEWORK,
      {
        "WWW-Authenticate":
          'Bearer authorization_uri=https://login.microsoftonline.com/common, Basic realm="https://dev.azure.com/"',
      },
    ),
  versionNotSpecified: (method: string) =>
    new ServiceError(
      400,
      `No api-version was supplied for the "${method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. "?api-version=1.0").`,
      "VssVersionNotSpecifiedException",
      WEBAPI,
    ),
  versionInvalid: (v: string) =>
    new ServiceError(
      400,
      `The requested api-version "${v}" is not valid.`,
      "VssInvalidApiVersionException",
      WEBAPI,
    ),
  versionPreviewRequired: (v: string) =>
    new ServiceError(
      400,
      `The requested version "${v}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${v}-preview"`,
      "VssInvalidPreviewVersionException",
      WEBAPI,
    ),
  versionOutOfRange: (v: string, latest: string) =>
    new ServiceError(
      400,
      `The requested REST API version of ${v} is out of range for this server. The latest REST API version this server supports is ${latest}.`,
      "VssVersionOutOfRangeException",
      WEBAPI,
    ),
  noRoute: (path: string) =>
    new ServiceError(
      404,
      `The controller for path '${path}' was not found or does not implement IController.`,
      "HttpException",
      "System.Web.HttpException, System.Web",
      {},
      0,
    ),
  methodNotAllowed: (method: string) =>
    new ServiceError(
      405,
      `The requested resource does not support http method '${method}'.`,
      "HttpException",
      "System.Web.HttpException, System.Web",
      {},
      0,
    ),
  badRequest: (message: string, typeKey = "ArgumentException") =>
    new ServiceError(
      400,
      message,
      typeKey,
      typeKey === "ArgumentException" || typeKey === "ArgumentNullException"
        ? `System.${typeKey}, mscorlib`
        : WEBAPI,
    ),
  injected: (status: number, retryAfter?: number) =>
    new ServiceError(
      status,
      status === 429
        ? "The request was throttled (injected 429). Try again later."
        : `An internal error occurred (injected ${status}).`,
      status === 429 ? "RequestBlockedException" : "VssServiceException",
      WEBAPI,
      retryAfter !== undefined ? { "Retry-After": String(retryAfter) } : {},
    ),

  // --- core ---
  projectNotFound: (name: string) =>
    new ServiceError(
      404,
      `TF200016: The following project does not exist: ${name}. Verify that the name of the project is correct and that the project exists on the specified Azure DevOps Server.`,
      "ProjectDoesNotExistWithNameException",
      CORE,
    ),

  // --- git ---
  repositoryNotFound: (idOrName: string) =>
    new ServiceError(
      404,
      `TF401019: The Git repository with name or identifier ${idOrName} does not exist or you do not have permissions for the operation you are attempting.`,
      "GitRepositoryNotFoundException",
      GIT,
    ),
  repositoryExists: (name: string) =>
    new ServiceError(
      409,
      `TF400948: A Git repository with the name ${name} already exists.`,
      "GitRepositoryNameAlreadyExistsException",
      GIT,
    ),
  gitPermission: (permission: string, user: string, scope: string) =>
    new ServiceError(
      403,
      `TF401027: You need the Git '${permission}' permission to perform this action. Details: identity '${user}', scope '${scope}'.`,
      "GitNeedsPermissionException",
      GIT,
    ),
  itemNotFound: (path: string, repo: string, version: string, commitId: string) =>
    new ServiceError(
      404,
      `TF401174: The item '${path}' could not be found in the repository '${repo}' at the version specified by '${version}' (resolved to commit '${commitId}').`,
      "GitItemNotFoundException",
      GIT,
    ),
  unresolvableVersion: (version: string) =>
    new ServiceError(
      404,
      `TF401175:The version descriptor ${version} could not be resolved to a version commit`,
      "GitUnresolvableToCommitException",
      GIT,
    ),
  refStale: (ref: string) =>
    new ServiceError(
      409,
      `TF401028: The reference '${ref}' has already been updated by another client, so you cannot update it. Please try again.`,
      "GitReferenceStaleException",
      GIT,
    ),
  refRejectedByPolicy: () =>
    new ServiceError(
      403,
      `TF402455: Pushes to this branch are not permitted; you must use a pull request to update this branch.`,
      "GitRefUpdateRejectedByPolicyException",
      GIT,
    ),
  pathExists: (path: string) =>
    new ServiceError(
      400,
      `The path '${path}' specified in the add operation already exists. Please specify a new path.`,
      "InvalidArgumentValueException",
      `${WEBAPI}.InvalidArgumentValueException, ${WEBAPI}`,
    ),
  pathMissing: (path: string, op: string) =>
    new ServiceError(
      400,
      `The path '${path}' specified in the ${op} operation does not exist. Please specify a valid path.`,
      "InvalidArgumentValueException",
      `${WEBAPI}.InvalidArgumentValueException, ${WEBAPI}`,
    ),
  pullRequestExists: () =>
    new ServiceError(
      409,
      "TF401179: An active pull request for the source and target branch already exists.",
      "GitPullRequestExistsException",
      GIT,
    ),
  pullRequestRefsMissing: () =>
    new ServiceError(
      400,
      "TF401398: The pull request cannot be activated because the source and/or the target branch no longer exists, or the requested refs are not branches",
      "InvalidArgumentValueException",
      `${WEBAPI}.InvalidArgumentValueException, ${WEBAPI}`,
    ),
  pushNotFound: (id: number) =>
    new ServiceError(404, `The push ${id} could not be found.`, "GitPushNotFoundException", GIT),
  pullRequestNotFound: () =>
    new ServiceError(
      404,
      "TF401180: The requested pull request was not found.",
      "GitPullRequestNotFoundException",
      GIT,
    ),

  // --- build ---
  definitionNotFound: (id: number | string) =>
    build(404, `Build pipeline ${id} was not found.`, "DefinitionNotFoundException"),
  definitionExists: (name: string, project: string) =>
    build(
      400,
      `Build pipeline ${name} already exists for project ${project}`,
      "DefinitionExistsException",
    ),
  definitionIdMismatch: (routeId: number, bodyId: unknown) =>
    build(
      400,
      `The request specifies pipeline ID ${routeId} but the supplied pipeline has ID ${bodyId ?? 0}.`,
      "RouteIdConflictException",
    ),
  buildAccessDenied: (user: string, permission: string, what: string) =>
    build(
      403,
      `Access denied. ${user} needs ${permission} permissions for ${what} to perform the action. For more information, contact the Azure DevOps Server administrator.`,
      "AccessDeniedException",
    ),
  buildValidation: (message: string) =>
    build(
      400,
      `Could not queue the build because there were validation errors or warnings.${message ? " " + message : ""}`,
      "BuildRequestValidationFailedException",
    ),
  variablesNotSettable: (names: string[]) =>
    new ServiceError(
      400,
      `See https://aka.ms/AzPipelines/SettingVariablesAtQueueTime - You can't set the following variables (${names.join(",")}). If you want to be able to set these variables, then edit the pipeline and select Settable at queue time on the variables tab.`,
      "PipelineValidationException",
      "Microsoft.Azure.Pipelines.WebApi.PipelineValidationException, Microsoft.Azure.Pipelines.WebApi",
    ),
  unexpectedParameter: (name: string) =>
    new ServiceError(
      400,
      `Unexpected parameter '${name}'`,
      "PipelineValidationException",
      "Microsoft.Azure.Pipelines.WebApi.PipelineValidationException, Microsoft.Azure.Pipelines.WebApi",
    ),
  runNotFound: (id: number) =>
    build(404, `The requested build ${id} could not be found.`, "BuildNotFoundException"),

  // --- distributedtask / serviceendpoint / pipelinepermissions ---
  queueNotFound: (id: number | string) =>
    new ServiceError(404, `Agent queue ${id} not found.`, "TaskAgentQueueNotFoundException", DT),
  endpointAccessDenied: (user: string, action: string) =>
    new ServiceError(
      403,
      `Access denied. ${user} needs ${action} permissions to perform the action. For more information, contact the Azure DevOps Server administrator.`,
      "AccessDeniedException",
      SE,
    ),
  endpointNotFound: (id: string) =>
    new ServiceError(
      404,
      `Service connection with id ${id} not found.`,
      "ServiceEndpointNotFoundException",
      SE,
    ),
  endpointExists: (name: string) =>
    new ServiceError(
      409,
      `Service connection with name ${name} already exists. Only a user having Administrator/User role permissions on service connection ${name} can see it.`,
      "DuplicateServiceConnectionException",
      SE,
    ),
  resourceAccessDenied: (user: string, type: string, id: string) =>
    new ServiceError(
      403,
      `Access denied. ${user} needs Administer permissions on the ${type} ${id} to perform the action.`,
      "AccessDeniedException",
      DT,
    ),
};
