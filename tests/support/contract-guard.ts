// Fails any test during which a running emulator saw a request or returned a response that breaks
// Microsoft's REST specs. Filled in by the emulator (it registers itself in `liveEmulators`).
export {};
