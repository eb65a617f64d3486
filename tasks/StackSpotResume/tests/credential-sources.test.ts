import { runTask, stkArgumentLists } from "./support/agent";
import { freshKey, inputCredentials } from "./support/credentials";
import { useAgent } from "./support/use-agent";

const CONNECTION_ID = "5b0c7e9e-1f7a-4c55-9d1e-0a3c2a4b6d10";

describe("where the credentials come from", () => {
  // One agent for the whole file: after the first run the CLI comes from the tool cache.
  const agent = useAgent({ scope: "all" });

  const base = () => ({ executionId: "exec-9", ...agent.server.inputs });

  test("a service connection supplies client id, key and realm, and wins over the inputs", async () => {
    const connectionKey = freshKey();
    const otherKey = freshKey();
    const run = await runTask(agent.sandbox, {
      inputs: { ...base(), clientId: "input-id", clientKey: otherKey, realm: "input-realm" },
      connection: {
        id: CONNECTION_ID,
        clientId: "conn-client-id",
        clientKey: connectionKey,
        realm: "conn-realm",
      },
      secrets: [connectionKey, otherKey],
    });
    expect(run.result).toBe("Succeeded");
    expect(stkArgumentLists(run).find((a) => a[0] === "login")).toEqual([
      "login",
      "--client-id",
      "conn-client-id",
      "--client-key",
      connectionKey,
      "--realm",
      "conn-realm",
    ]);
    expect(run.commands.filter((c) => c.name === "task.setsecret").map((c) => c.data)).toEqual([
      connectionKey,
    ]);
  });

  test("a service connection whose variables are undefined still works: the inputs are ignored", async () => {
    const connectionKey = freshKey();
    const run = await runTask(agent.sandbox, {
      // clientId etc. keep their defaults $(STK_CLIENT_ID)…, which the agent left unexpanded
      inputs: base(),
      connection: {
        id: CONNECTION_ID,
        clientId: "conn-client-id",
        clientKey: connectionKey,
        realm: "conn-realm",
      },
      secrets: [connectionKey],
    });
    expect(run.result).toBe("Succeeded");
  });

  test("a service connection without a realm is reported, naming the connection and the fix", async () => {
    const connectionKey = freshKey();
    const run = await runTask(agent.sandbox, {
      inputs: base(),
      connection: {
        id: CONNECTION_ID,
        clientId: "conn-client-id",
        clientKey: connectionKey,
        realm: "",
      },
      secrets: [connectionKey],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain(
      `The StackSpot service connection ${CONNECTION_ID} has no realm.`,
    );
    expect(run.resultMessage).toContain("Project settings > Service connections");
    expect(run.records).toEqual([]);
  });

  test("inputs fed by pipeline variables are used when no connection is given", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, { inputs: { ...base(), ...inputs }, secrets: [key] });
    expect(run.result).toBe("Succeeded");
    expect(stkArgumentLists(run).find((a) => a[0] === "login")).toEqual([
      "login",
      "--client-id",
      "3f2c9a54-client-id",
      "--client-key",
      key,
      "--realm",
      "acme-realm",
    ]);
  });

  test("an unexpanded $(STK_CLIENT_ID) is reported as an undefined variable with the two ways to fix it", async () => {
    const key = freshKey();
    const requestsBefore = agent.server.requests.length;
    const run = await runTask(agent.sandbox, {
      inputs: { ...base(), clientId: "$(STK_CLIENT_ID)", clientKey: key, realm: "acme-realm" },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain(
      "The input clientId holds $(STK_CLIENT_ID), but the variable STK_CLIENT_ID is not defined.",
    );
    expect(run.resultMessage).toContain("define the pipeline variable STK_CLIENT_ID");
    expect(run.resultMessage).toContain(
      "set stackspotServiceConnection to a StackSpot service connection",
    );
    expect(agent.server.requests.length).toBe(requestsBefore);
    expect(run.records).toEqual([]);
  });

  test("with all three variables undefined, all three are reported at once and no secret is registered", async () => {
    const run = await runTask(agent.sandbox, { inputs: base(), secrets: [] });
    expect(run.result).toBe("Failed");
    for (const [input, variable] of [
      ["clientId", "STK_CLIENT_ID"],
      ["clientKey", "STK_CLIENT_KEY"],
      ["realm", "STK_REALM"],
    ]) {
      expect(run.resultMessage).toContain(
        `The input ${input} holds $(${variable}), but the variable ${variable} is not defined.`,
      );
    }
    expect(run.commands.filter((c) => c.name === "task.setsecret")).toEqual([]);
  });

  test("an empty client key is reported as missing", async () => {
    const run = await runTask(agent.sandbox, {
      inputs: { ...base(), clientId: "id-1", clientKey: "", realm: "r" },
      secrets: [],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain("The input clientKey is empty.");
  });

  test("a key full of shell characters reaches stk unchanged, as one argument", async () => {
    const key = `K3y;$(id)\`whoami\`|"'&%${freshKey()}`;
    const run = await runTask(agent.sandbox, {
      inputs: { ...base(), clientId: "id-1", clientKey: key, realm: "r-1" },
      secrets: [key],
    });
    expect(run.result).toBe("Succeeded");
    expect(stkArgumentLists(run).find((a) => a[0] === "login")).toEqual([
      "login",
      "--client-id",
      "id-1",
      "--client-key",
      key,
      "--realm",
      "r-1",
    ]);
  });

  test("a key with a line break is refused without printing it, and both lines are registered as secrets", async () => {
    const first = freshKey();
    const second = freshKey();
    const run = await runTask(agent.sandbox, {
      inputs: { ...base(), clientId: "id-1", clientKey: `${first}\n${second}`, realm: "r-1" },
      secrets: [first, second],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain(
      "The input clientKey holds a character that is not allowed, at position 32: a line break (U+000A).",
    );
    expect(run.commands.filter((c) => c.name === "task.setsecret").map((c) => c.data)).toEqual([
      first,
      second,
    ]);
  });
});
