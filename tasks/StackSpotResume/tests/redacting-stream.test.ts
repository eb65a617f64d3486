// The cuts of the line-redacting stream, driven directly: where a piece of a long line ends decides
// whether a secret, a token or a logging command survives, and the end-to-end tests cannot aim a
// cut at one exact character.
import { defuseCommands } from "../src/log";
import { LineRedactingStream, Redactor } from "../src/redactor";

function stream(secret = "sk-0123456789abcdef-Zq9") {
  const redactor = new Redactor();
  redactor.addSecret(secret, "client-id");
  const pieces: string[] = [];
  const lines = new LineRedactingStream(redactor, (text) => pieces.push(defuseCommands(text)));
  return { lines, pieces, keep: redactor.longestSecret - 1 };
}

describe("the line-redacting stream", () => {
  test("never ends a piece of a long line inside a ##vso prefix", () => {
    const command = `##vso[task.setvariable variable=pwned]yes ${"z".repeat(200)}`;
    for (const split of [1, 2, 3, 4, 5]) {
      const { lines, pieces, keep } = stream();
      // The held-back tail is exactly `keep` characters: the first cut falls after `split`
      // characters of the command ("#", "##", "##v"…).
      lines.write(`${"x ".repeat(8300)}${command.slice(0, split + keep)}`);
      lines.write(`${command.slice(split + keep)}\n`);
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join("")).not.toMatch(/##vso\[/i);
      expect(pieces.join("")).toContain("**vso[task.setvariable");
    }
  });

  test("never ends a piece inside a token, or between a token and its label", () => {
    const token = `tok${"AbCdEfGh12".repeat(40)}`;
    for (const label of ["Bearer ", '"access_token": "', "'refresh_token': '", "password="]) {
      for (const split of [0, 1, 150, 300]) {
        const { lines, pieces } = stream();
        lines.write(`${"x ".repeat(8300)}${label}${token.slice(0, split)}`);
        lines.write(
          `${token.slice(split)}${label.includes('"') ? '"' : label.includes("'") ? "'" : ""} done\n`,
        );
        const joined = pieces.join("");
        expect(joined).not.toContain(token.slice(100, 140));
        expect(joined.slice(-300)).toMatch(/\*\*\*["']? done\n$/);
      }
    }
  });
});
