// Test credentials. Each test gets a fresh key, so a leak found in one run cannot come from
// another.
import * as crypto from "crypto";

export function freshKey(): string {
  return `sk-${crypto.randomBytes(12).toString("hex")}-Zq9`;
}

export function inputCredentials(key = freshKey()) {
  return {
    key,
    inputs: { clientId: "3f2c9a54-client-id", clientKey: key, realm: "acme-realm" },
  };
}
