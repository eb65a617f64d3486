// Typed errors of the Azure DevOps access layer. Each carries a message for the user (what went
// wrong, in their words) and a remedy (what to do about it). None ever carries a request body, so a
// secret sent in a body (a client key) cannot leak through an error.
import { UserError } from "../errors/userError";

/** What the failed request was doing, in words a user understands ("create the repository"). */
export interface RequestDescription {
  /** e.g. "create the repository", "read the pipeline 'stackspot'". */
  operation: string;
  /** HTTP method and the URL path (no query string), for diagnostics. */
  method: string;
  path: string;
}

export interface AdoErrorDetails {
  request?: RequestDescription;
  /** HTTP status, when the service answered. */
  status?: number;
  /** The service's TF code (e.g. "TF401028"), when it gave one. */
  code?: string;
  /** The service's own message, when it gave one. */
  serviceMessage?: string;
  /** The service's exception type name (e.g. "GitReferenceStaleException"). */
  typeKey?: string;
  /** True when the request may have taken effect although it failed (answer lost, 5xx). */
  outcomeUnknown?: boolean;
  /** True when trying again later may succeed (5xx, 429, network). */
  retryable?: boolean;
  /** Retry-After from the service, in milliseconds. */
  retryAfterMs?: number;
}

/** Base class: every failure of a call to Azure DevOps. */
export class AdoError extends UserError {
  readonly details: AdoErrorDetails;
  constructor(userMessage: string, remedy: string, details: AdoErrorDetails = {}) {
    super(userMessage, remedy);
    this.details = details;
  }
  get status(): number | undefined {
    return this.details.status;
  }
  get code(): string | undefined {
    return this.details.code;
  }
  get retryable(): boolean {
    return this.details.retryable === true;
  }
  get outcomeUnknown(): boolean {
    return this.details.outcomeUnknown === true;
  }
}

/**
 * A permission the signed-in identity lacks, named as Azure DevOps names it, and where it is
 * granted.
 */
export interface PermissionHint {
  /** e.g. "Create repository". */
  permission: string;
  /** e.g. "Project settings → Repositories → Security, for the project's Git repositories". */
  grantedAt: string;
}

/** The service refused the call for lack of a permission (403, or a 401 naming one). */
export class PermissionDeniedError extends AdoError {
  readonly permission: PermissionHint;
  constructor(permission: PermissionHint, details: AdoErrorDetails) {
    const op = details.request?.operation ?? "do this";
    super(
      `You are not allowed to ${op}: the "${permission.permission}" permission is missing.`,
      `Ask a project administrator to grant you "${permission.permission}" ` +
        `(${permission.grantedAt}), then run the set-up again.`,
      details,
    );
    this.permission = permission;
  }
}

/** The credentials themselves were refused (expired or wrong token). */
export class AuthenticationError extends AdoError {
  constructor(details: AdoErrorDetails) {
    super(
      "Azure DevOps did not accept the credentials (the token is wrong, expired or lacks a scope).",
      "Sign in again, or create a new personal access token " +
        "with the scopes listed in the documentation.",
      details,
    );
  }
}

/** Something the call needs does not exist (a project, a queue, a definition, a file). */
export class NotFoundError extends AdoError {
  /** What was not found, e.g. "the agent queue 'Linux'". */
  readonly what: string;
  constructor(what: string, details: AdoErrorDetails, remedy?: string) {
    super(
      `Azure DevOps could not find ${what}.`,
      remedy ?? `Check that ${what} exists and that you can see it.`,
      details,
    );
    this.what = what;
  }
}

/** The service was unreachable: connection refused or reset, DNS failure, or no answer in time. */
export class NetworkError extends AdoError {
  /** "reset", "timeout" or "unreachable". */
  readonly kind: "reset" | "timeout" | "unreachable";
  /** What could not be reached (the host). */
  readonly target: string;
  constructor(kind: "reset" | "timeout" | "unreachable", target: string, details: AdoErrorDetails) {
    const how =
      kind === "timeout"
        ? "did not answer in time"
        : kind === "reset"
          ? "dropped the connection"
          : "could not be reached";
    const op = details.request ? ` while trying to ${details.request.operation}` : "";
    super(
      `Azure DevOps at ${target} ${how}${op}.`,
      "Check the network connection (proxy, VPN, firewall) and the server's status, " +
        "then run the set-up again; it resumes where it stopped.",
      { retryable: true, ...details },
    );
    this.kind = kind;
    this.target = target;
  }
}

/**
 * The service answered with a redirect. It is never followed: a redirect to another origin would
 * carry the token (and a request body) there.
 */
export class RedirectError extends AdoError {
  constructor(target: string, location: string, details: AdoErrorDetails) {
    super(
      `Azure DevOps at ${target} answered with a redirect to ${location}, which is not followed ` +
        "(it could carry the token to another server).",
      "Give the organization URL the redirect points to, if you trust it, and run again.",
      details,
    );
  }
}

/** The server's TLS certificate could not be verified (an unknown root CA, a wrong name). */
export class CertificateError extends AdoError {
  constructor(target: string, code: string, details: AdoErrorDetails) {
    super(
      `The certificate of ${target} could not be verified (${code}).`,
      "If your network uses its own root certificate authority (a TLS-inspecting proxy), set " +
        "NODE_EXTRA_CA_CERTS to that CA's PEM file and run again; otherwise check the URL.",
      details,
    );
  }
}

/** The HTTP proxy in the way failed: unreachable, or it refused (407 Proxy Authentication). */
export class ProxyError extends AdoError {
  /** host:port of the proxy (never its credentials). */
  readonly proxy: string;
  constructor(proxy: string, variable: string, problem: string, details: AdoErrorDetails) {
    super(
      `The proxy ${proxy} (from ${variable}) ${problem}.`,
      problem.includes("407")
        ? `Check the user name and password in ${variable} (http://USER:PASSWORD@HOST:PORT).`
        : `Check ${variable}, or list the organization's host in NO_PROXY to bypass the proxy.`,
      details,
    );
    this.proxy = proxy;
  }
}

/** The service failed or throttled (5xx, 429) and retrying did not help within the time allowed. */
export class ServiceUnavailableError extends AdoError {
  constructor(details: AdoErrorDetails) {
    const op = details.request ? ` while trying to ${details.request.operation}` : "";
    const throttled = details.status === 429;
    super(
      throttled
        ? `Azure DevOps is throttling requests${op} (HTTP 429).`
        : `Azure DevOps failed${op} (HTTP ${details.status ?? "?"}).`,
      throttled
        ? "Wait a few minutes and run the set-up again; it resumes where it stopped."
        : "This is usually temporary: run the set-up again in a moment; " +
            "it resumes where it stopped.",
      { retryable: true, ...details },
    );
  }
}

/**
 * Someone else changed the object meanwhile (stale oldObjectId, stale revision) or it already
 * exists (duplicate name). The engine re-reads and re-plans once when it meets one.
 */
export class ConflictError extends AdoError {
  constructor(what: string, details: AdoErrorDetails) {
    super(
      `${what} changed while the set-up was running.`,
      "Run the set-up again: it reads the current state and continues from there.",
      details,
    );
  }
}

/** A branch policy refused a direct push (TF402455). The engine answers with a pull request. */
export class BranchPolicyError extends AdoError {
  constructor(branch: string, details: AdoErrorDetails) {
    super(
      `Branch policies on ${branch} do not allow direct pushes.`,
      "The set-up opens a pull request instead; complete it to finish.",
      details,
    );
  }
}

/** The service rejected the request as invalid (400) for a reason not covered above. */
export class InvalidRequestError extends AdoError {
  constructor(details: AdoErrorDetails) {
    const op = details.request ? `to ${details.request.operation}` : "";
    super(
      `Azure DevOps rejected the request ${op}: ` +
        `${details.serviceMessage ?? `HTTP ${details.status}`}`.trim(),
      "Check the names you entered; if they look right, report this with the message above.",
      details,
    );
  }
}
