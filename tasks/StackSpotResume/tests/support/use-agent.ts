// The lifecycle most task tests share: a stand-in installer server on 127.0.0.1 and an agent
// sandbox, created before and removed after each test ("each") or once for the enclosing
// describe/file ("all"), with the task bundle rebuilt once first. Call it inside a describe (or at
// a file's top level); it registers the jest hooks. Read `server` and `sandbox` only inside hooks
// or tests registered after it:
// they exist only between its before and after hooks.
import { AgentSandbox } from "./agent";
import { buildBundle } from "./bundle";
import { InstallerServer, InstallerServerOptions } from "./installer-server";

export interface UseAgentOptions {
  /** "each": a fresh server and sandbox per test; "all": one pair for every test of the block. */
  scope: "each" | "all";
  /** Options of the stand-in installer server. */
  installer?: InstallerServerOptions;
  /**
   * Rebuild the task bundle before the first test; default true. The package tests build their own.
   */
  buildBundle?: boolean;
}

export interface Agent {
  readonly server: InstallerServer;
  readonly sandbox: AgentSandbox;
}

export function useAgent(options: UseAgentOptions): Agent {
  let server: InstallerServer | undefined;
  let sandbox: AgentSandbox | undefined;

  if (options.buildBundle ?? true) beforeAll(buildBundle);

  const setUp = async () => {
    server = new InstallerServer(options.installer);
    await server.start();
    sandbox = new AgentSandbox();
  };
  const tearDown = async () => {
    await server?.stop();
    sandbox?.remove();
    server = undefined;
    sandbox = undefined;
  };
  if (options.scope === "each") {
    beforeEach(setUp);
    afterEach(tearDown);
  } else {
    beforeAll(setUp);
    afterAll(tearDown);
  }

  const outsideLifecycle = (what: string) =>
    new Error(
      `useAgent: ${what} is read outside its before/after hooks; read it inside a test or a hook registered after useAgent.`,
    );
  return {
    get server() {
      if (!server) throw outsideLifecycle("server");
      return server;
    },
    get sandbox() {
      if (!sandbox) throw outsideLifecycle("sandbox");
      return sandbox;
    },
  };
}
