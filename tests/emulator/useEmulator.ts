// The lifecycle most emulator-backed tests share: an emulator started before and stopped after each
// test ("each") or once for the enclosing describe/file ("all", the default). Call it inside a
// describe (or at a file's top level); it registers the jest hooks, so call it before the hooks
// that seed the emulator: jest runs hooks of one block in the order they were registered.
//
// It returns a stand-in that forwards every property to the emulator of the running test, so that
// test bodies read `emu.addProject(...)` as they did when each file kept its own `let emu`. Read it
// only inside hooks or tests registered after it: the emulator exists only between its hooks.
import { startEmulator } from "./index";
import type { Emulator, EmulatorOptions } from "./types";

export interface UseEmulatorOptions extends EmulatorOptions {
  /**
   * "each": a fresh emulator per test; "all": one for every test of the block. Default "all". Use
   * "each" at a file's top level only: inside a describe its stop would run before the file-level
   * contract guard (tests/support/contract-guard.ts) looks at the emulator's violations.
   */
  scope?: "each" | "all";
}

/** The emulator of the running test, and `current`: the emulator object itself, for identity. */
export type UsedEmulator = Emulator & { readonly current: Emulator };

export function useEmulator(options: UseEmulatorOptions = {}): UsedEmulator {
  const { scope = "all", ...emulatorOptions } = options;
  let emulator: Emulator | undefined;

  const start = async () => {
    emulator = await startEmulator(emulatorOptions);
  };
  const stop = async () => {
    // Cleared first: a test that reads the stand-in after this hook gets the clear error below
    // rather than a stopped emulator.
    const stopping = emulator;
    emulator = undefined;
    await stopping?.stop();
  };
  if (scope === "each") {
    beforeEach(start);
    afterEach(stop);
  } else {
    beforeAll(start);
    afterAll(stop);
  }

  const current = (): Emulator => {
    if (emulator) return emulator;
    throw new Error(
      "useEmulator: the emulator is read outside its before/after hooks; read it inside a test " +
        "or a hook registered after useEmulator.",
    );
  };
  return new Proxy({} as UsedEmulator, {
    get(_target, key) {
      const target = current();
      if (key === "current") return target;
      const value: unknown = Reflect.get(target, key);
      // Methods may be handed around (`afterEach(emu.clearFaults)`): keep them bound to the
      // emulator they came from.
      return typeof value === "function" ? value.bind(target) : value;
    },
    has: (_target, key) => key === "current" || Reflect.has(current(), key),
  });
}
