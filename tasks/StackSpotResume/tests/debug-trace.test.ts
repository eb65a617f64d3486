import { runTask } from "./support/agent";
import { freshKey, inputCredentials } from "./support/credentials";
import { useAgent } from "./support/use-agent";

describe("debug mode", () => {
  const agent = useAgent({ scope: "each" });

  test("turns on the CLI's HTTP trace and attaches it, redacted, as a file instead of printing it", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      inputs: {
        ...inputs,
        executionId: "exec-5",
        ...agent.server.inputs,
        debug: "true",
      },
      secrets: [key],
    });
    expect(run.result).toBe("Succeeded");
    for (const call of run.records.filter(
      (r) => r.tool === "stk" && (r.args?.[0] === "login" || r.args?.[0] === "resume"),
    )) {
      expect(call.env).toMatchObject({ HTTP_ENABLE_DEBUG: "true", HTTP_ENABLE_FILE_DEBUG: "true" });
    }
    expect(run.attachments).toHaveLength(1);
    const trace = run.attachments[0].content;
    expect(run.attachments[0].path.startsWith(agent.sandbox.temp)).toBe(true);
    expect(trace).toContain("POST https://idm.stackspot.com/acme-realm/oidc/oauth/token");
    expect(trace).toContain("client_secret=***");
    expect(trace).toContain("Authorization: Basic ***");
    expect(trace).toContain("Authorization: Bearer ***");
    expect(trace).toContain('{"access_token": "***", "expires_in": 1200}');
    expect(trace).not.toMatch(/eyJ[A-Za-z0-9_-]+\.eyJ/);
    expect(trace).not.toContain(Buffer.from(`3f2c9a54-client-id:${key}`).toString("base64"));
    // Attached, not printed.
    expect(run.stdout).not.toContain("oidc/oauth/token");
    expect(run.stdout).toMatch(
      /HTTP debug trace \(secrets removed\) is attached to this run as stackspot-http-trace-[0-9a-f]+\.txt/,
    );
  });

  test("masks the key in every encoding the trace can hold, and Python-style tokens", async () => {
    // ! ' ( ) * tell strict RFC 3986 percent-encoding from encodeURIComponent.
    const { key, inputs } = inputCredentials(`sk-(test)*!'-${freshKey()}`);
    const run = await runTask(agent.sandbox, {
      mode: ["trace-encodings"],
      inputs: {
        ...inputs,
        clientId: "client(id)!",
        executionId: "exec-5",
        ...agent.server.inputs,
        debug: "true",
      },
      // The leak check searches the attachment for every encoding (support/leaks.ts).
      secrets: [key],
    });
    expect(run.result).toBe("Succeeded");
    const trace = run.attachments[0].content;
    expect(trace).toContain("response: {'access_token': '***', 'token_type': 'bearer'}");
    expect(trace).not.toContain("py-token-");
  });

  test("attaches the trace of a failed run too", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      mode: ["fail-resume"],
      inputs: {
        ...inputs,
        executionId: "exec-5",
        ...agent.server.inputs,
        debug: "true",
      },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.attachments).toHaveLength(1);
    expect(run.attachments[0].content).toContain(
      "GET https://workflow-api.stackspot.com/v1/workflows/exec-5 Authorization: Bearer ***",
    );
  });

  test("is off by default: no trace variables, no attachment", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      inputs: { ...inputs, executionId: "exec-5", ...agent.server.inputs },
      secrets: [key],
    });
    expect(run.attachments).toEqual([]);
    const login = run.records.find((r) => r.tool === "stk" && r.args?.[0] === "login");
    expect(login?.env).toMatchObject({
      HTTP_ENABLE_DEBUG: "false",
      HTTP_ENABLE_FILE_DEBUG: "false",
    });
  });

  test("system.debug off changes nothing about secrets (the leak check runs on every run)", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      systemDebug: false,
      mode: ["echo-key", "fail-login"],
      inputs: {
        ...inputs,
        executionId: "exec-5",
        ...agent.server.inputs,
        debug: "true",
      },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.attachments).toHaveLength(1);
  });

  test("with system.debug and an agent client certificate, its password is printed nowhere", async () => {
    const { key, inputs } = inputCredentials();
    const certificatePassword = "cert-pass-7Hq2x";
    const run = await runTask(agent.sandbox, {
      systemDebug: true,
      inputs: { ...inputs, executionId: "exec-5", ...agent.server.inputs },
      extraEnv: {
        AGENT_CLIENTCERT: `${agent.sandbox.root}/client.pem`,
        AGENT_CLIENTCERTKEY: `${agent.sandbox.root}/client.key`,
        AGENT_CLIENTCERTARCHIVE: `${agent.sandbox.root}/client.pfx`,
        AGENT_CLIENTCERTPASSWORD: certificatePassword,
      },
      secrets: [key, certificatePassword],
    });
    expect(run.result).toBe("Succeeded");
    // task-lib still logs that the certificate settings exist; only the password line is dropped.
    expect(run.stdout).toMatch(/Agent\.ClientCert=/);
  });
});
