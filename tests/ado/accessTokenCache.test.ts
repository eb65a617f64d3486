// The hub's access token cache (src/ado/accessTokenCache.ts): one host ask for the token's
// lifetime, shared by concurrent requests, renewed before `exp`, after a 401 and after a failure.
import { cacheAccessToken, EXPIRY_MARGIN_MS, jwtExpiry } from "../../src/ado/accessTokenCache";

const base64url = (text: string) =>
  Buffer.from(text).toString("base64").replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");

/** An unsigned JWT-shaped token expiring at `expSeconds`. */
const jwt = (expSeconds: number, id: string) =>
  `${base64url('{"alg":"none"}')}.${base64url(JSON.stringify({ exp: expSeconds, id }))}.sig`;

function countingHost(tokens: string[]) {
  const host = {
    asks: 0,
    ask: async () => {
      const token = tokens[Math.min(host.asks, tokens.length - 1)];
      host.asks++;
      return token;
    },
  };
  return host;
}

test("reads a JWT's exp claim, and nothing from a token that is not a JWT", () => {
  expect(jwtExpiry(jwt(2_000_000_000, "a"))).toBe(2_000_000_000_000);
  expect(jwtExpiry("opaque-token")).toBeUndefined();
  expect(jwtExpiry("a.not-base64-json.c")).toBeUndefined();
});

test("concurrent requests share one ask, and later ones reuse the token while it lives", async () => {
  let now = 1_000_000;
  const host = countingHost([jwt(1_000 + 3_600, "first"), jwt(1_000 + 7_200, "second")]);
  const token = cacheAccessToken(host.ask, () => now);
  const first = await Promise.all(Array.from({ length: 13 }, () => token()));
  expect(new Set(first).size).toBe(1);
  expect(host.asks).toBe(1);
  now += 3_600_000 - EXPIRY_MARGIN_MS - 1;
  expect(await token()).toBe(first[0]);
  expect(host.asks).toBe(1);
  now += 1; // within the margin of exp: renewed
  expect(await token()).toContain(".");
  expect(host.asks).toBe(2);
});

test("a refresh (after a 401) asks the host again, and the new token is then shared", async () => {
  const host = countingHost(["opaque-1", "opaque-2"]);
  const token = cacheAccessToken(host.ask);
  expect(await token()).toBe("opaque-1");
  expect(await token()).toBe("opaque-1"); // not a JWT: kept until a 401
  expect(await token(true)).toBe("opaque-2");
  expect(await token()).toBe("opaque-2");
  expect(host.asks).toBe(2);
});

test("a failed ask is not cached", async () => {
  let fail = true;
  let asks = 0;
  const token = cacheAccessToken(async () => {
    asks++;
    if (fail) throw new Error("host busy");
    return "opaque";
  });
  await expect(token()).rejects.toThrow("host busy");
  fail = false;
  expect(await token()).toBe("opaque");
  expect(asks).toBe(2);
});
