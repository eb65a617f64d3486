// The leak check that every task run goes through must itself be able to fail.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findSecretLeaks } from "./support/leaks";

const KEY = "sk-leakcheck-0123456789";
const clean = { stdout: `##vso[task.setsecret]${KEY}\nall good\n`, stderr: "", attachments: [] };

describe("the secret leak check", () => {
  test("accepts the key inside ##vso[task.setsecret] only", () => {
    expect(findSecretLeaks(clean, [KEY])).toEqual([]);
  });

  test("finds the key in another stdout line, even mid-line after a setsecret", () => {
    const leaks = findSecretLeaks(
      { ...clean, stdout: `${clean.stdout}[command]stk login --client-key ${KEY}\n` },
      [KEY],
    );
    expect(leaks.map((l) => l.where)).toEqual(["stdout line 3"]);
    expect(leaks[0].context).toContain("--client-key <SECRET>");
  });

  test("finds the key on stderr, in an attachment, URL-encoded, and in a file left on disk", () => {
    const keyWithSymbols = "k3y/with+symbols=";
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "leak-check-"));
    try {
      fs.writeFileSync(path.join(dir, "session.json"), `{"key":"${keyWithSymbols}"}`);
      const leaks = findSecretLeaks(
        {
          stdout: "",
          stderr: `oops ${keyWithSymbols}`,
          attachments: [
            { path: "trace.txt", content: `client_secret=${encodeURIComponent(keyWithSymbols)}` },
          ],
        },
        [keyWithSymbols],
        [dir],
      );
      expect(leaks.map((l) => l.where.replace(dir, "<dir>"))).toEqual([
        "stderr",
        "attachment trace.txt",
        "file <dir>/session.json",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
