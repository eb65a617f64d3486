// Turns what the service answered (status, its JSON error body, headers) or how the connection
// failed into one of the typed errors. Only the service's own message and codes are kept; request
// bodies are never looked at, so secrets sent in them cannot end up in an error.
import {
  AdoError,
  AdoErrorDetails,
  AuthenticationError,
  BranchPolicyError,
  CertificateError,
  ConflictError,
  InvalidRequestError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  RequestDescription,
  ServiceUnavailableError,
} from "./errors";
import type { OperationInfo } from "./operations";

export interface ServiceErrorBody {
  message?: string;
  typeKey?: string;
  typeName?: string;
  errorCode?: number;
}

export function parseServiceError(text: string): ServiceErrorBody | undefined {
  if (!text) return undefined;
  try {
    const body = JSON.parse(text) as unknown;
    return body && typeof body === "object" ? (body as ServiceErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** The TF code at the start of the service's message ("TF401028: The reference ..."). */
export function tfCode(message: string | undefined): string | undefined {
  return message?.match(/\bTF\d{5,6}\b/)?.[0];
}

export interface HttpFailure {
  status: number;
  body?: ServiceErrorBody;
  retryAfterMs?: number;
  request: RequestDescription;
  info: OperationInfo;
}

export function mapHttpFailure(f: HttpFailure): AdoError {
  const serviceMessage = f.body?.message;
  const typeKey = f.body?.typeKey;
  const code = tfCode(serviceMessage);
  const details: AdoErrorDetails = {
    request: f.request,
    status: f.status,
    serviceMessage,
    typeKey,
    code,
  };
  const is = (key: string, tf?: string) => typeKey === key || (tf !== undefined && code === tf);

  if (f.status === 429 || f.status >= 500) {
    // A 5xx may have been raised after the change was made; a 429 is refused up front.
    return new ServiceUnavailableError({
      ...details,
      retryable: true,
      outcomeUnknown: f.status >= 500,
      retryAfterMs: f.retryAfterMs,
    });
  }
  // 401 is about the credentials (TF400813 for a wrong or expired token); missing permissions are
  // 403.
  if (f.status === 401) return new AuthenticationError(details);
  if (f.status === 403) {
    if (is("GitRefUpdateRejectedByPolicyException", "TF402455"))
      return new BranchPolicyError("the branch", details);
    if (f.info.permission) return new PermissionDeniedError(f.info.permission, details);
    return new PermissionDeniedError(
      { permission: "the required permission", grantedAt: "the project's settings" },
      details,
    );
  }
  if (f.status === 409) {
    if (is("GitReferenceStaleException", "TF401028"))
      return new ConflictError("The branch", details);
    return new ConflictError(capitalize(f.info.subject ?? "The object"), details);
  }
  if (f.status === 404) {
    // A definition update with a stale revision is reported as "not found" by the service.
    if (f.request.method === "PUT" && /\/build\/definitions\//i.test(f.request.path))
      return new ConflictError("The pipeline", details);
    return new NotFoundError(f.info.subject ?? "what was asked for", details);
  }
  if (f.status === 400) {
    if (is("DefinitionExistsException"))
      return new ConflictError("A pipeline of that name", details);
    if (/already exists/i.test(serviceMessage ?? ""))
      return new ConflictError(capitalize(f.info.subject ?? "The object"), details);
    return new InvalidRequestError(details);
  }
  return new AdoError(
    `Azure DevOps answered HTTP ${f.status} while trying to ${f.request.operation}` +
      (serviceMessage ? `: ${serviceMessage}` : "."),
    "Run the set-up again; if it keeps failing, report this message.",
    details,
  );
}

/** TLS verification failures: the remedy is a CA (NODE_EXTRA_CA_CERTS), not the network. */
const CERTIFICATE_CODES = new Set([
  "SELF_SIGNED_CERT_IN_CHAIN",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** Maps a fetch failure (no HTTP answer) to a NetworkError (or a CertificateError). */
export function mapNetworkFailure(
  error: unknown,
  timedOut: boolean,
  target: string,
  request: RequestDescription,
): NetworkError | CertificateError {
  if (timedOut) return new NetworkError("timeout", target, { request, outcomeUnknown: true });
  const code = networkCode(error);
  if (code && CERTIFICATE_CODES.has(code)) return new CertificateError(target, code, { request });
  const reset =
    code === "ECONNRESET" ||
    code === "UND_ERR_SOCKET" ||
    code === "EPIPE" ||
    code === "UND_ERR_CLOSED";
  return new NetworkError(reset ? "reset" : "unreachable", target, {
    request,
    outcomeUnknown: reset,
    code,
  });
}

function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === "object" && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
