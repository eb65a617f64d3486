import {
  AuthenticationError,
  BranchPolicyError,
  ConflictError,
  describeOperation,
  InvalidRequestError,
  NotFoundError,
  PermissionDeniedError,
  ServiceUnavailableError,
} from "../../src/ado";
import { mapHttpFailure } from "../../src/ado/errorMapping";

function fail(method: string, path: string, status: number, body?: object, retryAfterMs?: number) {
  const info = describeOperation(method, path);
  return mapHttpFailure({
    status,
    body,
    retryAfterMs,
    info,
    request: { operation: info.operation, method, path },
  });
}

describe("mapHttpFailure", () => {
  it("maps throttling and server errors to retryable errors, 5xx with an unknown outcome", () => {
    const throttled = fail("GET", "/o/p/_apis/distributedtask/queues", 429, undefined, 2_000);
    expect(throttled).toBeInstanceOf(ServiceUnavailableError);
    expect(throttled.retryable).toBe(true);
    expect(throttled.outcomeUnknown).toBe(false);
    expect(throttled.details.retryAfterMs).toBe(2_000);
    expect(throttled.userMessage).toMatch(
      /throttling requests while trying to read the agent queues/,
    );
    const failed = fail("POST", "/o/p/_apis/git/repositories", 503);
    expect(failed.outcomeUnknown).toBe(true);
    expect(failed.userMessage).toBe(
      "Azure DevOps failed while trying to create the repository (HTTP 503).",
    );
  });

  it("names the permission and where it is granted", () => {
    const e = fail("POST", "/o/p/_apis/git/repositories/r/pushes", 403, {
      message: "TF401027: You need the Git 'GenericContribute' permission",
    });
    expect(e).toBeInstanceOf(PermissionDeniedError);
    expect((e as PermissionDeniedError).permission.permission).toBe("Contribute");
    expect(e.userMessage).toBe(
      "You are not allowed to push /stackspot.yml to the repository: " +
        'the "Contribute" permission is missing.',
    );
    expect(e.remedy).toMatch(/Repositories → the repository → Security/);
    expect(e.code).toBe("TF401027");
  });

  it("recognizes the service's conflicts", () => {
    expect(
      fail("POST", "/o/p/_apis/git/repositories/r/pushes", 403, {
        message: "TF402455: Pushes to this branch are not permitted",
        typeKey: "GitRefUpdateRejectedByPolicyException",
      }),
    ).toBeInstanceOf(BranchPolicyError);
    expect(
      fail("POST", "/o/p/_apis/git/repositories/r/pushes", 409, {
        message: "TF401028: The reference 'refs/heads/main' has already been updated",
      }),
    ).toBeInstanceOf(ConflictError);
    expect(
      fail("POST", "/o/p/_apis/build/definitions", 400, {
        message: "x",
        typeKey: "DefinitionExistsException",
      }),
    ).toBeInstanceOf(ConflictError);
    expect(
      fail("PUT", "/o/p/_apis/build/definitions/7", 404, {
        message: "Build pipeline 7 was not found.",
      }),
    ).toBeInstanceOf(ConflictError);
    expect(
      fail("POST", "/o/p/_apis/git/repositories", 409, {
        message: "TF400948: A Git repository with the name x already exists.",
      }),
    ).toBeInstanceOf(ConflictError);
  });

  it("tells credentials, absence and bad requests apart", () => {
    expect(
      fail("GET", "/o/_apis/projects/p", 401, {
        message: "TF400813: The user '' is not authorized to access this resource.",
      }),
    ).toBeInstanceOf(AuthenticationError);
    const missing = fail("GET", "/o/p/_apis/git/repositories/x", 404);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).what).toBe("the repository");
    expect(
      fail("POST", "/o/p/_apis/build/definitions", 400, { message: "Bad thing" }),
    ).toBeInstanceOf(InvalidRequestError);
  });
});

describe("describeOperation", () => {
  it.each([
    ["GET", "/o/_apis/projects/My%20Project", "read the project", true],
    ["GET", "/o/p/_apis/git/Repositories/repo", "read the repository", true],
    ["POST", "/o/p/_apis/git/Repositories", "create the repository", false],
    ["GET", "/o/p/_apis/git/repositories/id/refs", "read the repository's branches", true],
    ["POST", "/o/p/_apis/git/repositories/id/pullRequests", "open a pull request", false],
    ["PUT", "/o/p/_apis/build/definitions/3", "update the pipeline", false],
    ["POST", "/o/_apis/serviceendpoint/endpoints", "create the service connection", false],
    [
      "PATCH",
      "/o/p/_apis/pipelines/pipelinepermissions/endpoint/abc",
      "authorize the pipeline to use the service connection",
      true,
    ],
    [
      "PATCH",
      "/o/p/_apis/pipelines/pipelinepermissions/queue/3",
      "authorize the pipeline to use the agent queue",
      true,
    ],
    ["DELETE", "/o/p/_apis/other/thing", "change other/thing", false],
  ])("%s %s → %s", (method, path, operation, idempotent) => {
    expect(describeOperation(method, path)).toMatchObject({ operation, idempotent });
  });
});
