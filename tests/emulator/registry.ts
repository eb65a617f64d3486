// Every running emulator, so the contract guard (tests/support/contract-guard.ts) can check, after
// each test, that none of them saw a request or gave an answer that breaks the REST specs.
import type { Emulator } from "./types";

export const liveEmulators = new Set<Emulator>();
