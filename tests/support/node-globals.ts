// azure-devops-extension-api loads whatwg-fetch, which reads `self` at import time.
// In Node the global object plays that role; Node 20's own fetch is then used.
(globalThis as unknown as { self: unknown }).self = globalThis;
