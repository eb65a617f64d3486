import { runTask } from "./support/agent";
import { inputCredentials } from "./support/credentials";
import { RecordingProxy } from "./support/proxy";
import { useAgent } from "./support/use-agent";

describe("behind the agent's proxy", () => {
  const agent = useAgent({ scope: "each" });
  let proxy: RecordingProxy;

  // Registered after useAgent, so the installer server is already listening when the proxy is
  // pointed at it.
  beforeEach(async () => {
    proxy = new RecordingProxy(agent.server.port);
    await proxy.start();
  });
  afterEach(async () => {
    await proxy.stop();
  });

  test("downloads through the proxy and hands it to the CLI", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      // A host name that resolves nowhere: only the proxy can reach it.
      inputs: {
        ...inputs,
        executionId: "exec-6",
        installerBaseUrl: "http://stk-mirror.invalid",
        allowInsecureInstaller: "true",
      },
      extraEnv: {
        AGENT_PROXYURL: proxy.url,
        AGENT_PROXYUSERNAME: "agent-user",
        AGENT_PROXYPASSWORD: "proxy-pass-123",
      },
      // The proxy password too: task-lib would print it in a debug line while loading (see
      // quiet-load.ts).
      secrets: [key, "proxy-pass-123"],
    });
    expect(run.result).toBe("Succeeded");
    expect(proxy.connects).toEqual([
      {
        target: "stk-mirror.invalid:80",
        authorization: `Basic ${Buffer.from("agent-user:proxy-pass-123").toString("base64")}`,
      },
    ]);
    expect(agent.server.installerRequests).toHaveLength(1);
    const proxyUrl = `http://agent-user:proxy-pass-123@127.0.0.1:${new URL(proxy.url).port}`;
    for (const call of run.records.filter((r) => r.tool === "stk")) {
      expect(call.env).toMatchObject({
        HTTPS_PROXY: proxyUrl,
        HTTP_PROXY: proxyUrl,
        https_proxy: proxyUrl,
        http_proxy: proxyUrl,
      });
    }
    expect(run.warnings).toEqual([
      "installerBaseUrl uses plain http (stk-mirror.invalid), allowed by allowInsecureInstaller: the installer could be altered on its way to the agent. Prefer https, or pin installerSha256.",
    ]);
  });
});
