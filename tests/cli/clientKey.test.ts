// The CLI refuses a StackSpot client key the pipeline task would refuse, by the same rule: the two
// are written apart (the task cannot import src/), so this table keeps them in agreement.
import * as path from "node:path";
import * as tl from "azure-pipelines-task-lib/task";
import { checkCredential } from "../../tasks/StackSpotResume/src/validation";
import { clientKeyProblem } from "../../src/cli/clientKey";

// The task's messages come from its task.json, as on an agent; without it task-lib prints a
// warning for every message it cannot find.
beforeAll(() =>
  tl.setResourcePath(path.resolve(__dirname, "../../tasks/StackSpotResume/task.json")),
);

const SAMPLES: [string, string][] = [
  ["plain", "abcDEF123-_.~"],
  [
    "every printable ASCII",
    Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join(""),
  ],
  ["a space inside", "abc def"],
  ["a tab", "abc\tdef"],
  ["a line break", "abc\ndef"],
  ["a carriage return", "abc\r\ndef"],
  ["a non-ASCII letter", "chavé"],
  ["a control character", "abc\u0001def"],
  ["DEL", "abc\u007fdef"],
  ["an emoji", "key\u{1f511}"],
  ["the longest allowed", "k".repeat(1024)],
  ["one too long", "k".repeat(1025)],
];

describe("the CLI's client-key rule agrees with the task's", () => {
  it.each(SAMPLES)("%s", (_label, key) => {
    const task = checkCredential("STK_CLIENT_KEY", key) === undefined;
    const cli = clientKeyProblem(key) === undefined;
    expect(cli).toBe(task);
  });

  it("the table has keys of both kinds", () => {
    const verdicts = SAMPLES.map(([, key]) => clientKeyProblem(key) === undefined);
    expect(verdicts).toContain(true);
    expect(verdicts).toContain(false);
  });
});
