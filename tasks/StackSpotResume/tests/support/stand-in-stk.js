// A stand-in for the STK CLI, installed by the stand-in install.sh (see installer-server.ts). It
// records every invocation (arguments, HOME, working directory, environment) as one JSON line in
// the file named by STANDIN_RECORD, and behaves as STANDIN_MODE says (comma-separated):
//   fail-login     `stk login` exits 3 and logs the failure
//   fail-resume    `stk resume workflow` exits 7 and logs the failure
//   fail-upgrade   `stk upgrade` exits 5
//   upgrade-new    `stk upgrade` installs a newer stand-in into $HOME/.stk/bin
//   echo-key       `stk login` prints the client key back (split over two writes), to stderr
//                  too, and writes it into its log
//   hang-resume    `stk resume workflow` never ends, and starts a child that never ends either
//   log-commands   every command prints agent logging commands (##vso[…], ##[…], in any case) on
//                  stdout and stderr and into its log; `stk resume workflow` prints
//                  ##vso[task.setvariable variable=fromWorkflow]ok, as a workflow may
//   trace-encodings `stk login` traces the key in more encodings (strict percent-encoding, base64
//                  at offsets 1 and 2, base64url, hex, client_secret_basic) and a Python-style
//                  {'access_token': …}
//   long-line      `stk login` prints a line over 16 KB with a bearer token written in two pieces
// Like the real CLI it keeps its session, logs (~/.stk/logs) and, with HTTP_ENABLE_FILE_DEBUG=true,
// an HTTP trace (~/.stk/debug/http.txt) under HOME.
const fs = require("fs");
const path = require("path");
const { spawn } = require("child_process");

const VERSION = "__STANDIN_VERSION__";
const args = process.argv.slice(2);
const home = process.env.HOME;
const stkDir = path.join(home, ".stk");
const modes = new Set((process.env.STANDIN_MODE || "").split(",").filter(Boolean));

function record(extra) {
  const entry = {
    tool: "stk",
    version: VERSION,
    executable: __filename,
    args,
    home,
    cwd: process.cwd(),
    env: process.env,
    ...extra,
  };
  if (process.env.STANDIN_RECORD)
    fs.appendFileSync(process.env.STANDIN_RECORD, JSON.stringify(entry) + "\n");
}

function log(line) {
  fs.mkdirSync(path.join(stkDir, "logs"), { recursive: true });
  fs.appendFileSync(path.join(stkDir, "logs", "stk.log"), `${new Date().toISOString()} ${line}\n`);
}

function trace(line) {
  if (process.env.HTTP_ENABLE_FILE_DEBUG !== "true") return;
  fs.mkdirSync(path.join(stkDir, "debug"), { recursive: true });
  fs.appendFileSync(path.join(stkDir, "debug", "http.txt"), line + "\n");
}

function flag(name) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
}

const sessionFile = path.join(stkDir, "session.json");
/** The token `long-line` prints; the test looks for pieces of it. */
const LONG_LINE_TOKEN = `tok${"AbCdEfGh12".repeat(40)}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function strictPercent(text) {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function traceEncodings(id, key) {
  const b64 = (text) => Buffer.from(text).toString("base64");
  trace(`body: grant_type=client_credentials&client_secret=${strictPercent(key)}`);
  trace(`body (lower-case escapes): client_secret=${strictPercent(key).toLowerCase()}`);
  trace(`x-offset-1: ${b64(`x${key}`)}`);
  trace(`x-offset-2: ${b64(`xy${key}`)}`);
  trace(`x-base64url: ${Buffer.from(`{"k":"${key}"}`).toString("base64url")}`);
  trace(
    `x-hex: ${Buffer.from(key).toString("hex")} ${Buffer.from(key).toString("hex").toUpperCase()}`,
  );
  trace(`Authorization: Basic ${b64(`${strictPercent(id)}:${strictPercent(key)}`)}`);
  trace(`response: {'access_token': 'py-token-${key.length}-Zx81', 'token_type': 'bearer'}`);
}

async function printLongLine() {
  process.stdout.write(
    `${"x".repeat(16300)} Authorization: Bearer ${LONG_LINE_TOKEN.slice(0, 200)}`,
  );
  await sleep(100);
  process.stdout.write(`${LONG_LINE_TOKEN.slice(200)} done\n`);
}

function printLoggingCommands() {
  if (!modes.has("log-commands")) return;
  if (args[0] === "resume") {
    console.log("##vso[task.setvariable variable=fromWorkflow]ok");
    return;
  }
  console.log(`##vso[task.setvariable variable=pwned]${args[0]}`);
  console.error(`note: ##VsO[task.setvariable variable=pwnedErr]${args[0]}`);
  console.log("##[error]not an error of the task");
  log("##VSO[task.setvariable variable=pwnedLog]yes");
}

async function main() {
  if (args[0] === "--version") {
    console.log(`stk version ${VERSION}`);
    return 0;
  }
  if (args[0] === "upgrade") {
    log("upgrade requested");
    if (modes.has("fail-upgrade")) {
      log("upgrade failed: update server unreachable");
      console.error("Error: could not reach the update server");
      return 5;
    }
    if (modes.has("upgrade-new")) {
      const newer = VERSION.replace(
        /^(\d+)\.(\d+)\.\d+/,
        (_, major, minor) => `${major}.${Number(minor) + 1}.0`,
      );
      const target = path.join(stkDir, "bin", "stk");
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(
        target,
        fs.readFileSync(__filename, "utf8").replace(`"${VERSION}"`, `"${newer}"`),
        { mode: 0o755 },
      );
      console.log(`STK CLI upgraded to ${newer}`);
      return 0;
    }
    console.log("STK CLI is up to date");
    return 0;
  }
  if (args[0] === "login") {
    const id = flag("--client-id");
    const key = flag("--client-key");
    const realm = flag("--realm");
    trace(`POST https://idm.stackspot.com/${realm}/oidc/oauth/token`);
    trace(`Authorization: Basic ${Buffer.from(`${id}:${key}`).toString("base64")}`);
    trace(
      `body: grant_type=client_credentials&client_id=${encodeURIComponent(id)}&client_secret=${encodeURIComponent(key)}`,
    );
    if (modes.has("trace-encodings")) traceEncodings(id, key);
    if (modes.has("long-line")) await printLongLine();
    if (modes.has("echo-key")) {
      process.stdout.write(`debug: using key ${key.slice(0, 3)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      process.stdout.write(`${key.slice(3)} for ${id}\n`);
      console.error(`warning: key ${key} printed on stderr`);
      log(`login with client ${id} and key ${key}`);
    }
    if (modes.has("fail-login")) {
      log(`login failed for client ${id} in realm ${realm}: invalid_client`);
      console.error("Error: invalid client credentials");
      return 3;
    }
    const token = `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJzdGFuZC1pbiJ9.${Math.random().toString(36).slice(2)}sig`;
    fs.mkdirSync(stkDir, { recursive: true });
    fs.writeFileSync(sessionFile, JSON.stringify({ realm, clientId: id, access_token: token }));
    trace(`HTTP/1.1 200 OK {"access_token": "${token}", "expires_in": 1200}`);
    log(`logged in as ${id} on ${realm}`);
    console.log(`Logged in as ${id} on realm ${realm}`);
    return 0;
  }
  if (args[0] === "resume" && args[1] === "workflow") {
    const id = args[2];
    if (!fs.existsSync(sessionFile)) {
      log("resume refused: no session");
      console.error("Error: you are not logged in");
      return 4;
    }
    const session = JSON.parse(fs.readFileSync(sessionFile, "utf8"));
    trace(
      `GET https://workflow-api.stackspot.com/v1/workflows/${id} Authorization: Bearer ${session.access_token}`,
    );
    if (modes.has("fail-resume")) {
      log(`workflow ${id} failed at step apply-plugin: plugin not found`);
      console.error(`Error: workflow ${id} failed`);
      return 7;
    }
    if (modes.has("hang-resume")) {
      const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], {
        stdio: "inherit",
      });
      record({ hangingChild: child.pid });
      console.log(`Resuming workflow ${id}...`);
      await new Promise(() => {});
    }
    log(`workflow ${id} resumed`);
    console.log(`Workflow ${id} resumed`);
    return 0;
  }
  console.error(`stand-in stk: unknown command ${args.join(" ")}`);
  return 64;
}

record({});
printLoggingCommands();
main().then((code) => process.exit(code));
