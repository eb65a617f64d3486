// Fails any test during which a running emulator saw a request or returned a response that breaks
// Microsoft's REST specs. Emulators register themselves in `liveEmulators`; a test that provokes a
// violation on purpose clears it itself (emulator.clearViolations()).
import { liveEmulators } from "../emulator/registry";
import type { ContractViolation } from "../emulator/types";

export function formatViolations(violations: ContractViolation[]): string {
  return violations
    .map(
      (v, i) =>
        `  ${i + 1}. [${v.side}] ${v.method} ${v.path}${v.operationId ? ` (${v.operationId})` : ""}\n     ${v.message.replace(/\n/g, "\n     ")}`,
    )
    .join("\n");
}

afterEach(() => {
  const found: ContractViolation[] = [];
  for (const emulator of liveEmulators) {
    found.push(...emulator.violations);
    emulator.clearViolations();
  }
  if (found.length > 0) {
    throw new Error(
      `The REST contract was broken ${found.length} time(s) during this test:\n${formatViolations(found)}`,
    );
  }
});
