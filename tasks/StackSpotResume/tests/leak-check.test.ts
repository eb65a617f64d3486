// The leak check that every task run goes through must itself be able to fail.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { findSecretLeaks, formsOf } from "./support/leaks";

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

  // A key with the characters that tell the encodings apart: ! ' ( ) * (strict percent-encoding),
  // a space (form encoding), and bytes that give + and / in base64.
  const ODD_KEY = "sk-(odd)*!'~ key\u00ff>?-0123456789";
  const strict = (text: string) =>
    encodeURIComponent(text).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  const b64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const b64url = (text: string) => Buffer.from(text, "utf8").toString("base64url");
  const ENCODED: Array<[string, string]> = [
    ["strict RFC 3986 percent-encoding", strict(ODD_KEY)],
    [
      "lower-case percent escapes",
      strict(ODD_KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
    ],
    ["form encoding", encodeURIComponent(ODD_KEY).replace(/%20/g, "+")],
    ["base64", b64(ODD_KEY)],
    ["base64 after one other byte", b64(`x${ODD_KEY}`)],
    ["base64 after two other bytes", b64(`xy${ODD_KEY}`)],
    ["base64url", b64url(ODD_KEY)],
    ["base64url after one other byte", b64url(`x${ODD_KEY}`)],
    ["lower-case hex", Buffer.from(ODD_KEY).toString("hex")],
    ["upper-case hex", Buffer.from(ODD_KEY).toString("hex").toUpperCase()],
    ["client_secret_basic", b64(`${strict("client id")}:${strict(ODD_KEY)}`)],
    ["HTTP basic", b64(`client-id:${ODD_KEY}`)],
  ];

  test.each(ENCODED)("finds the key in %s", (_label, encoded) => {
    expect(encoded).not.toContain(ODD_KEY);
    const leaks = findSecretLeaks(
      { stdout: "", stderr: "", attachments: [{ path: "trace.txt", content: `<${encoded}>` }] },
      [ODD_KEY],
    );
    expect(leaks.map((l) => l.where)).toContain("attachment trace.txt");
  });

  test("searches for no form so short it would match by chance", () => {
    expect(Math.min(...formsOf(ODD_KEY).map((f) => f.length))).toBeGreaterThanOrEqual(8);
  });
});
