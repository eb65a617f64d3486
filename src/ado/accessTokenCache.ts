// The hub's access token, asked of the host once for its lifetime rather than once per request:
// each ask is a postMessage round trip to the host page, and the first read of a project sends a
// dozen requests at once. Concurrent callers share one ask. The token's lifetime is its JWT `exp`
// claim, less a margin for clock skew and requests in flight; a token that is not a JWT is kept
// until a request answers 401, when the transport asks with `refresh` and the cache asks the host
// again.

/** Renew this long before the token's `exp`. */
export const EXPIRY_MARGIN_MS = 60_000;

/** When a JWT's `exp` claim says it expires, in ms since the epoch; undefined if unreadable. */
export function jwtExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const exp = (JSON.parse(atob(base64)) as { exp?: unknown }).exp;
    return typeof exp === "number" && Number.isFinite(exp) ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Wraps `ask` (one host round trip) into a getter that asks again only when the token has expired,
 * when `refresh` is set (after a 401), or after a failed ask.
 */
export function cacheAccessToken(
  ask: () => Promise<string>,
  now: () => number = Date.now,
): (refresh?: boolean) => Promise<string> {
  let cached: { token: Promise<string>; renewAt: number } | undefined;
  return (refresh = false) => {
    if (cached && !refresh && now() < cached.renewAt) return cached.token;
    const entry = { token: ask(), renewAt: Infinity };
    cached = entry;
    entry.token.then(
      (token) => {
        const expiry = jwtExpiry(token);
        if (expiry !== undefined) entry.renewAt = expiry - EXPIRY_MARGIN_MS;
      },
      () => {
        if (cached === entry) cached = undefined;
      },
    );
    return entry.token;
  };
}
