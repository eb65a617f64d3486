// The ONE list of places where the real Azure DevOps service (or the azure-devops-extension-api
// clients) differ from Microsoft's Swagger specs in tests/fixtures/ado-rest-specs. The contract
// checker reads every entry below; nothing else in tests/contract encodes a deviation from the
// spec.
// Each entry says what differs and why we believe it. Add an entry only with a reason you can show.

/** Every entry carries an id (quoted in violation messages) and the evidence for it. */
export interface KnownDifference {
  id: string;
  reason: string;
}

/** List responses: the wire wraps arrays unless the client asked for them bare. */
export const LIST_WRAPPING: KnownDifference = {
  id: "list-wrapping",
  reason:
    "List operations are declared `type: array`, but the service wraps arrays as {count, value:[...]} " +
    "(every recorded list example in httpExamples has that shape). The azure-devops-extension-api clients " +
    "send `noArrayWrap=true` in the Accept header and then read a bare array (RestClientBase), so with that " +
    "option the response must be the bare array. The checker validates `value` (or the bare array) against " +
    "the declared item schema and requires count === value.length.",
};

/** Enums travel as numbers when the request says enumsAsNumbers=true. */
export const ENUMS_AS_NUMBERS: KnownDifference = {
  id: "enums-as-numbers",
  reason:
    "The specs list enums by name (e.g. changeType add/edit). The extension-api clients send " +
    "`enumsAsNumbers=true` and use numeric TypeScript enums, so the service answers them with numbers and the " +
    "clients send numbers in bodies and queries (changeType 1 = add). Responses: a number when the request said " +
    "enumsAsNumbers=true, the camelCase name otherwise (flags enums may be a comma-separated list of names). " +
    "Requests: the service's JSON reader takes a name (case-insensitive: the recorded push examples send " +
    'contentType "rawtext" for the spec\'s "rawText") or an integer either way.',
};

/** Dates as "/Date(ms)/" under msDateFormat=true. */
export const MS_DATE_FORMAT: KnownDifference = {
  id: "ms-date-format",
  reason:
    "`format: date-time` fields are ISO 8601 strings in the spec. The clients send `msDateFormat=true` and " +
    'their deserializer (Serialization.deserializeVssJsonObject) turns "\\/Date(1496158224000)\\/" strings into ' +
    'Date objects, so under that option a date may also arrive as "/Date(ms)/" (optionally with a +hhmm ' +
    "offset). Without the option only ISO 8601 is accepted.",
};

/** 7.2 is preview-only; preview resources need -preview. */
export const API_VERSION_RULES: KnownDifference = {
  id: "api-version-rules",
  reason:
    "The specs declare api-version as a free string. The service's rules, which the checker enforces: " +
    "the version comes from the query or, as the extension-api clients send it, from the Accept header " +
    "(the query wins when both are present); 7.2 exists only as a preview (every 7.2 operation references an " +
    'api-Version-preview.N parameter) and the service refuses "7.2" without -preview; an operation declared ' +
    "preview.N refuses a request without -preview and a resource version above N. Only 7.1 and 7.2 are covered " +
    "by the specs, so any other version is reported. A request without any api-version is reported even for a GET " +
    "(which the service may serve with a default version): the specs declare it required and every client sends one. " +
    "Checked again for issue 12 (Learn's reference pages now print `api-version=7.2` in their examples): kept. " +
    "Microsoft's published specs, at their newest commit (MicrosoftDocs/vsts-rest-api-specs adb28786, 2026-05-12), " +
    'still declare every one of the 60 7.2 documents as info.version "7.2-preview" with only 7.2-preview.N ' +
    "api-version parameters (the copy in tests/fixtures is byte-identical for build); the Learn pages print the " +
    "docs' version moniker (azure-devops-rest-7.2), not a released version. Were 7.2 released, Microsoft's " +
    "versioning rules deactivate 7.2-preview 12 weeks later, and the clients would break: `stackspot-ado doctor` " +
    "asks the organization itself which versions it serves, so a user's report settles it.",
};

/** Routes, query names and enum names are case-insensitive on the way in. */
export const CASE_INSENSITIVE_INPUT: KnownDifference = {
  id: "case-insensitive-input",
  reason:
    "The spec spells routes one way (git/repositories/{id}/pullrequests) while the clients spell them another " +
    "(git/Repositories/{id}, pullRequests); the service routes case-insensitively and binds query parameter " +
    'names case-insensitively (the recorded items example sends recursionLevel=Full for the enum value "full").',
};

/** Success statuses the service sends that the spec does not declare. */
export interface ExtraStatus extends KnownDifference {
  operationId: string;
  status: number;
}
export const EXTRA_SUCCESS_STATUSES: ExtraStatus[] = [
  {
    id: "push-created-201",
    operationId: "Pushes_Create",
    status: 201,
    reason:
      "Declared 200; every recorded push example (git/7.1/httpExamples/pushes/POST__*) answers 201 Created.",
  },
  {
    id: "pull-request-created-201",
    operationId: "Pull Requests_Create",
    status: 201,
    reason:
      "Declared 200; the recorded example POST__git_repositories__repositoryId__pullRequests.json answers 201.",
  },
  {
    id: "project-create-accepted-202",
    operationId: "Projects_Create",
    status: 202,
    reason:
      "Declared 200; project creation is an asynchronous operation and the recorded example answers 202 with an operation reference.",
  },
  {
    id: "delete-no-content-204",
    operationId: "Repositories_Delete",
    status: 204,
    reason:
      "Declared 200; the recorded example DELETE__git_repositories__repositoryId_.json answers 204 No Content.",
  },
  {
    id: "endpoint-delete-no-content-204",
    operationId: "Endpoints_Delete",
    status: 204,
    reason: "Declared 200; the recorded example DeleteServiceEndpoint.json answers 204 No Content.",
  },
];

/** Error statuses any operation may answer, always with the service's error body. */
export const STANDARD_ERRORS: KnownDifference & {
  statuses: number[];
  bodyFields: Record<string, "string" | "integer" | "object|null">;
} = {
  id: "standard-errors",
  reason:
    "The specs declare only success responses. The service answers failures with these statuses and a JSON " +
    "body {$id, innerException, message, typeName, typeKey, errorCode, eventId} (e.g. TF401028 stale ref → 409, " +
    "TF402455 policy → 403, TF401174 missing item → 404, throttling → 429).",
  statuses: [400, 401, 403, 404, 409, 412, 429, 500, 503],
  bodyFields: {
    $id: "string",
    innerException: "object|null",
    message: "string",
    typeName: "string",
    typeKey: "string",
    errorCode: "integer",
    eventId: "integer",
  },
};

/**
 * A stale definition revision is answered 404, not 409 (documented here; 404 is a standard error).
 */
export const STALE_DEFINITION_REVISION_404: KnownDifference & {
  operationId: string;
  status: number;
} = {
  id: "stale-definition-revision-404",
  operationId: "Definitions_Update",
  status: 404,
  reason:
    'Updating a build definition with an out-of-date `revision` is answered 404 "Build pipeline N was not ' +
    'found" (DefinitionNotFoundException), not 409 — so a 404 on Definitions_Update does not prove the ' +
    'definition is gone. The checker accepts it as a standard error; callers must not treat it as "deleted".',
};

/** Operations that answer a success status with no content where the spec declares an object. */
export const EMPTY_SUCCESS_BODIES: KnownDifference & { operationIds: string[] } = {
  id: "empty-success-bodies",
  operationIds: ["Endpoints_Get"],
  reason:
    "Endpoints_Get declares a ServiceEndpoint, but for an id that does not exist (or that the caller may not see) " +
    "the service answers success with a null body instead of an error: MicrosoftDocs/vsts-rest-api-specs issue 285 " +
    '("does not return an error if the service endpoint does not exist, it just returns a null body", tested on ' +
    "5.0 and 5.1). The clients read an empty or `null` body as null. Such an answer is accepted for these operations only.",
};

/** Responses that are not JSON. */
export const NON_JSON_RESPONSES: KnownDifference = {
  id: "non-json-responses",
  reason:
    "Items_Get declares a GitItem schema but also produces text/plain, application/octet-stream and " +
    "application/zip: when the Accept media type (the clients' getItemText/getItemContent) or `$format` asks " +
    "for one of those, the body is raw content, not JSON, and only its kind (text or bytes) is checked.",
};

/**
 * Schema fragments the Swagger generator rendered from .NET types that do not describe the JSON.
 * definition → what its JSON really is (a JSON Schema using "#/definitions/..." refs of the same
 * spec).
 */
export interface SchemaOverride extends KnownDifference {
  definition: string;
  property?: string;
  schema: object;
}
export const SCHEMA_OVERRIDES: SchemaOverride[] = [
  {
    id: "change-item-generic",
    definition: "Change",
    property: "item",
    schema: { $ref: "#/definitions/GitItem" },
    reason:
      "Change<T>.item is declared `type: string, format: T` (an unresolved .NET generic). In git it is a GitItem " +
      "object: every recorded push sends item: {path}.",
  },
  {
    id: "collection-wrapper-generic",
    definition: "VssJsonCollectionWrapper",
    property: "value",
    schema: {},
    reason:
      "VssJsonCollectionWrapper<T>.value is declared `string, format: T`; it is the wrapped list.",
  },
  {
    id: "reference-links-map",
    definition: "ReferenceLinks",
    schema: {
      type: "object",
      additionalProperties: { type: "object", properties: { href: { type: "string" } } },
    },
    reason:
      "ReferenceLinks is declared as {links: {...}} but serializes as a map name → {href} (`_links.self.href` in every example).",
  },
  {
    id: "properties-collection-map",
    definition: "PropertiesCollection",
    schema: { type: "object" },
    reason:
      "PropertiesCollection is declared with .NET members (count, item, keys, values) but serializes as a " +
      "property bag: a map of name → value or {$type, $value}.",
  },
  {
    id: "jtoken-any",
    definition: "JToken",
    schema: {},
    reason:
      "JToken is declared with Newtonsoft's .NET members (parent, type, ...); on the wire it is any JSON value.",
  },
  {
    id: "jobject-any",
    definition: "JObject",
    schema: { type: "object" },
    reason:
      "JObject is declared with Newtonsoft's .NET members (item, type, ...); on the wire it is any JSON object.",
  },
];

/**
 * `{type: object}` with nothing else is how the generator renders .NET `object`: any JSON value.
 */
export const DOTNET_OBJECT_ANY: KnownDifference = {
  id: "dotnet-object-any",
  reason:
    "A bare {type: object} (no properties, no additionalProperties) renders a .NET `object`, which holds any " +
    "JSON value: Run.templateParameters values are strings on the wire although declared {type: object}.",
};

/** Response strings may be null. */
export const NULL_STRINGS_IN_RESPONSES: KnownDifference = {
  id: "null-strings-in-responses",
  reason:
    "The service writes null for some string fields instead of omitting them: secret endpoint parameters " +
    "(authorization.parameters.password is null in GetServiceEndpointDetails.json and CreateAzureRMEndpoint.json), " +
    "secret variable values (variables.key2.value null in the variable group examples), " +
    "project.defaultTeamImageUrl in POST__git_repositories.json. A string-typed response field may therefore be " +
    "null; numbers, booleans, objects and arrays may not.",
};

/** Bases that stand for a family of subtypes chosen by a discriminator field. */
export interface PolymorphicBase extends KnownDifference {
  area: string;
  base: string;
  subtypes: string[];
}
export const POLYMORPHIC_BASES: PolymorphicBase[] = [
  {
    id: "build-process-subtypes",
    area: "build",
    base: "BuildProcess",
    subtypes: ["DesignerProcess", "DockerProcess", "JustInTimeProcess", "YamlProcess"],
    reason:
      "BuildDefinition.process is declared BuildProcess {type}; the service reads and writes the subtype " +
      "chosen by `type` (2 = YamlProcess with yamlFilename). All subtype fields are accepted, each with its type.",
  },
  {
    id: "build-trigger-subtypes",
    area: "build",
    base: "BuildTrigger",
    subtypes: [
      "BuildCompletionTrigger",
      "ContinuousIntegrationTrigger",
      "GatedCheckInTrigger",
      "PullRequestTrigger",
      "ScheduleTrigger",
    ],
    reason:
      "BuildDefinition.triggers items are declared BuildTrigger {triggerType}; the wire carries the subtype's fields.",
  },
];

/** Request fields the service requires although the spec marks nothing required. */
export interface ServiceRequired extends KnownDifference {
  operationId: string;
  paths: string[];
}
export const SERVICE_REQUIRED_FIELDS: ServiceRequired[] = [
  {
    id: "push-required",
    operationId: "Pushes_Create",
    paths: [
      "refUpdates[]",
      "refUpdates[].name",
      "refUpdates[].oldObjectId",
      "commits[]",
      "commits[].changes[]",
      "commits[].changes[].changeType",
      "commits[].changes[].item",
      "commits[].changes[].item.path",
    ],
    reason:
      "A push names the ref it moves and the old object id it expects (the stale-ref check, TF401028), and carries " +
      "a commit of changes each with a type and an item path; the service answers 400 otherwise.",
  },
  {
    id: "repository-create-required",
    operationId: "Repositories_Create",
    paths: ["name"],
    reason: "A repository is created by name; the service answers 400 without one.",
  },
  {
    id: "definition-create-required",
    operationId: "Definitions_Create",
    paths: ["name", "process", "process.type", "repository"],
    reason:
      "The service needs a name, a process (its `type` selects YAML or designer) and a repository; it answers 400 otherwise.",
  },
  {
    id: "definition-update-required",
    operationId: "Definitions_Update",
    paths: ["id", "name", "revision", "process", "process.type", "repository"],
    reason:
      "Updates replace the whole definition and are checked against the stored `revision` (see stale-definition-revision-404).",
  },
  {
    id: "pull-request-create-required",
    operationId: "Pull Requests_Create",
    paths: ["sourceRefName", "targetRefName"],
    reason: "A pull request needs its source and target refs; the service answers 400 otherwise.",
  },
  {
    id: "endpoint-create-required",
    operationId: "Endpoints_Create",
    paths: [
      "name",
      "type",
      "url",
      "authorization",
      "authorization.scheme",
      "serviceEndpointProjectReferences[]",
      "serviceEndpointProjectReferences[].projectReference",
      "serviceEndpointProjectReferences[].projectReference.id",
      "serviceEndpointProjectReferences[].name",
    ],
    reason:
      "Since 7.0 endpoints are created at organization level and shared into projects through " +
      "serviceEndpointProjectReferences; name, type, url and an authorization scheme are required.",
  },
];

/**
 * Fields the spec declares on an answer that the service leaves out of it. The checker reports an
 * answer (the emulator's) that carries one, so the emulator behaves as the service does.
 */
export interface OmittedFields extends KnownDifference {
  operationId: string;
  /** Dotted paths into the answer (into each item of a list). */
  paths: string[];
  sources: string[];
}
export const SERVICE_OMITTED_FIELDS: OmittedFields[] = [
  {
    id: "runs-list-without-template-parameters",
    operationId: "Runs_List",
    paths: ["templateParameters"],
    sources: [
      "https://github.com/MicrosoftDocs/azure-devops-docs/issues/12933",
      "https://github.com/MicrosoftDocs/vsts-rest-api-specs/issues/579",
    ],
    reason:
      "Run declares templateParameters, but users report that Runs - List " +
      "(GET {project}/_apis/pipelines/{id}/runs, 7.1-preview.1 and other versions) answers every run " +
      "without it since November 2022 (MicrosoftDocs/azure-devops-docs issue 12933, the same report as " +
      "MicrosoftDocs/vsts-rest-api-specs issue 579). A run's parameters are read with Runs - Get.",
  },
  {
    id: "pull-request-repository-without-web-url",
    operationId: "Pull Requests_Create",
    paths: ["repository.webUrl"],
    sources: [
      "git/7.1/httpExamples/pullRequests/POST__git_repositories__repositoryId__pullRequests.json",
    ],
    reason:
      "GitRepository declares webUrl, but in Microsoft's recorded pull-request answers the pull " +
      "request's `repository` carries only id, name, url and project: no webUrl. A pull request's web " +
      "link is built from the organization, project, repository name and pull request id.",
  },
  {
    id: "pull-requests-list-repository-without-web-url",
    operationId: "Pull Requests_Get Pull Requests",
    paths: ["repository.webUrl"],
    sources: [
      "git/7.1/httpExamples/pullRequests/GET__git_repositories__repositoryId__pullRequests.json",
    ],
    reason:
      "As pull-request-repository-without-web-url, for the list the status read makes: the recorded " +
      "list answer's repository has no webUrl either.",
  },
];

/** Routes of areas Microsoft's specs do not cover: not checked, and not reported as unknown. */
export const ROUTES_WITHOUT_SPECS: KnownDifference & { patterns: RegExp[] } = {
  id: "routes-without-specs",
  reason:
    "The Location area (_apis/ResourceAreas/{id}, _apis/ConnectionData), which the SDK and the extension-api " +
    "clients call to find service URLs and the signed-in user, has no spec in Microsoft's vsts-rest-api-specs. Its " +
    "requests are skipped rather than reported as unknown routes; nothing else is skipped.",
  patterns: [
    /^\/[^/]+\/_apis\/resourceareas(\/[^/]+)?\/?$/i,
    /^\/[^/]+\/_apis\/connectiondata\/?$/i,
  ],
};

/** Every entry, for reports and for the test that prints them. */
export const ALL_KNOWN_DIFFERENCES: KnownDifference[] = [
  LIST_WRAPPING,
  ENUMS_AS_NUMBERS,
  MS_DATE_FORMAT,
  API_VERSION_RULES,
  CASE_INSENSITIVE_INPUT,
  ...EXTRA_SUCCESS_STATUSES,
  STANDARD_ERRORS,
  STALE_DEFINITION_REVISION_404,
  EMPTY_SUCCESS_BODIES,
  NON_JSON_RESPONSES,
  ...SCHEMA_OVERRIDES,
  DOTNET_OBJECT_ANY,
  NULL_STRINGS_IN_RESPONSES,
  ...POLYMORPHIC_BASES,
  ...SERVICE_REQUIRED_FIELDS,
  ...SERVICE_OMITTED_FIELDS,
  ROUTES_WITHOUT_SPECS,
];
