// The environment every STK CLI process (and the installer) gets. Two things matter here:
// - HOME points at this job's own directory, because the CLI keeps its session in ~/.stk; the job
//   directory is removed at the end, so a shared agent keeps no StackSpot session.
// - The agent's proxy is handed on in the variables that curl and Python's requests read.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tl from "azure-pipelines-task-lib/task";
import { readQuietly } from "./quiet-read";

export interface CliEnvironmentOptions {
  home: string;
  httpDebug: boolean;
}

/**
 * The manual's pipeline sets these so the CLI (a Python program) prints UTF-8 whatever the image.
 */
const ENCODING = {
  LANG: "C.UTF-8",
  LANGUAGE: "C.UTF-8",
  LC_ALL: "C.UTF-8",
  PYTHONIOENCODING: "utf-8",
};

export function cliEnvironment(options: CliEnvironmentOptions): NodeJS.ProcessEnv {
  // task-lib has already moved INPUT_*, ENDPOINT_AUTH_* and SECRET_* out of process.env into its
  // vault, so no credential reaches a child through the environment.
  const env: NodeJS.ProcessEnv = { ...process.env, ...ENCODING, ...proxyVariables() };
  keepGitConfiguration(env);
  env.HOME = options.home;
  if (process.platform === "win32") env.USERPROFILE = options.home;
  const debug = options.httpDebug ? "true" : "false";
  // Older CLIs read HTTP_ENABLE_DEBUG, newer ones HTTP_ENABLE_FILE_DEBUG.
  env.HTTP_ENABLE_DEBUG = debug;
  env.HTTP_ENABLE_FILE_DEBUG = debug;
  return env;
}

/**
 * Moving HOME would hide the agent user's ~/.gitconfig (identity, credential helpers) from the git
 * commands a workflow runs; GIT_CONFIG_GLOBAL keeps pointing git at it.
 */
function keepGitConfiguration(env: NodeJS.ProcessEnv): void {
  if (env.GIT_CONFIG_GLOBAL) return;
  const realConfig = path.join(os.homedir(), ".gitconfig");
  if (fs.existsSync(realConfig)) env.GIT_CONFIG_GLOBAL = realConfig;
}

/** The passwords of the agent's proxy and client certificate, read without task-lib logging. */
export function agentPasswords(): string[] {
  const certificate = readQuietly(() => tl.getVariable("Agent.ClientCertPassword"));
  return [agentProxy()?.proxyPassword ?? "", certificate ?? ""].filter(Boolean);
}

/** The agent's proxy settings, read without task-lib logging the password. */
export function agentProxy(): tl.ProxyConfiguration | null {
  return readQuietly(() => tl.getHttpProxyConfiguration());
}

/** The agent's proxy (Agent.ProxyUrl, user, password, bypass list) as conventional variables. */
function proxyVariables(): Record<string, string> {
  const proxy = agentProxy();
  if (!proxy) return {};
  const address = proxy.proxyFormattedUrl || proxy.proxyUrl;
  const noProxy = noProxyList(proxy.proxyBypassHosts || []);
  const variables: Record<string, string> = {
    HTTP_PROXY: address,
    HTTPS_PROXY: address,
    http_proxy: address,
    https_proxy: address,
  };
  if (noProxy) {
    variables.NO_PROXY = noProxy;
    variables.no_proxy = noProxy;
  }
  return variables;
}

/**
 * The agent's bypass list holds regular expressions (".proxybypass"); NO_PROXY wants host names.
 * Plain names with escaped dots convert; anything using other regular-expression syntax cannot and
 * is left out.
 */
function noProxyList(patterns: string[]): string {
  const hosts = patterns
    .map((pattern) => pattern.replace(/^\^|\$$/g, "").replace(/\\\./g, "."))
    .filter((host) => /^[A-Za-z0-9.\-:*]+$/.test(host));
  return hosts.join(",");
}
