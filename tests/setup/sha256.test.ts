import { createHash } from "node:crypto";
import { sha256Hex } from "../../src/setup/sha256";

describe("sha256Hex", () => {
  it("matches node:crypto on edge lengths and non-ASCII text", () => {
    const samples = [
      "",
      "abc",
      "a".repeat(55),
      "a".repeat(56),
      "a".repeat(63),
      "a".repeat(64),
      "a".repeat(1000),
      "ação ✓ 日本 🚀\n\r\t",
    ];
    for (const s of samples)
      expect(sha256Hex(s)).toBe(createHash("sha256").update(s, "utf8").digest("hex"));
  });
});
