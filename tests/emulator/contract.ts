// Loads the contract checker (tests/contract/checker.ts) lazily: the emulator must work, and say
// so, while that module does not exist yet; once it exists it is always used (unless a caller opts
// out with contractCheck: false). One checker per module registry: it compiles the specs once.
import type { ContractChecker } from "./types";

let cached: ContractChecker | null | undefined;

export function loadContractChecker(): ContractChecker | undefined {
  if (cached !== undefined) return cached ?? undefined;
  try {
    // A plain require inside try: jest resolves it through ts-jest, esbuild bundles it when
    // present.
    const mod = require("../contract/checker") as { createContractChecker?: () => ContractChecker };
    if (typeof mod.createContractChecker !== "function") {
      throw new Error("tests/contract/checker.ts does not export createContractChecker().");
    }
    cached = mod.createContractChecker();
  } catch (error) {
    if (!isCheckerMissing(error)) throw error;
    cached = null;
    process.stderr.write(
      "emulator: tests/contract/checker.ts not found; requests and responses are NOT checked against the REST specs.\n",
    );
  }
  return cached ?? undefined;
}

function isCheckerMissing(error: unknown): boolean {
  const e = error as { code?: string; message?: string };
  return (
    (e?.code === "MODULE_NOT_FOUND" || /Cannot find module/.test(e?.message ?? "")) &&
    /contract[\\/]checker/.test(e?.message ?? "")
  );
}
