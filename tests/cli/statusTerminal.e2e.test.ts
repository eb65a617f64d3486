// `status` on a terminal: one line per project (the summary says what is wrong), the checklist
// under each only with --verbose. The built CLI runs on a real pseudo-terminal (Python's pty
// module, started with an argument list: no shell), so it takes its terminal display.
import { spawn } from "node:child_process";
import { runSetup } from "../../src/setup";
import { useEmulator } from "../emulator/useEmulator";
import { clientsFor, creatingOptions } from "../setup/harness";
import { CLI, CREDENTIALS_ENV, emulatorEnv, ensureBuilt, stripAnsi } from "./harness";

beforeAll(ensureBuilt);
const emu = useEmulator();

/** Runs argv[0] with the rest as its arguments on a 120×40 pseudo-terminal; echoes its output. */
const ON_A_TERMINAL = `
import fcntl, os, pty, struct, sys, termios
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
while True:
    try:
        data = os.read(fd, 65536)
    except OSError:
        break
    if not data:
        break
    sys.stdout.buffer.write(data)
sys.exit(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
`;

function onTerminal(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-c", ON_A_TERMINAL, process.execPath, CLI, ...args], {
      env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env },
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, out: stripAnsi(out) }));
  });
}

/** The lines printed under a project's head line (indented), before the summary table. */
function detailLines(out: string): string[] {
  const head = out.split(/\r?\n/).filter((l) => !l.startsWith("PROJECT"));
  const table = head.findIndex((l) => /^\s*PROJECT\s+RESULT/.test(l));
  return (table < 0 ? head : head.slice(0, table)).filter((l) => /^ {4}\S/.test(l));
}

it("prints one line per project unless --verbose", async () => {
  emu.addProject("Done");
  expect((await runSetup(clientsFor(emu), creatingOptions("Done"))).outcome).toBe("complete");
  emu.addProject("Todo");
  const env = emulatorEnv(emu, CREDENTIALS_ENV);
  const args = ["status", "--project", "Done", "--project", "Todo"];

  const short = await onTerminal(args, env);
  expect(short.code).toBe(3);
  expect(short.out).toMatch(/Done: ✓ ready/);
  expect(short.out).toMatch(/Todo: .*changes pending/);
  expect(detailLines(short.out)).toEqual([]);
  // The summary still says what each project needs.
  expect(short.out).toMatch(/Todo\s+.*changes pending\s+\d+ changes to make: run setup/);

  const long = await onTerminal([...args, "--verbose"], env);
  expect(long.code).toBe(3);
  expect(detailLines(long.out).join("\n")).toMatch(/Repository: /);
});
