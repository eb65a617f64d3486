// Reads and checks the task's inputs. The client key is read first, out of task-lib's debug output,
// and registered as a secret before anything else is printed.
//
// task-lib has already moved INPUT_* and ENDPOINT_AUTH_* from the environment into its vault when
// it loaded (so no child process sees them); the key is read from there with readQuietly.
import * as tl from "azure-pipelines-task-lib/task";
import { InputError, InputErrors } from "./errors";
import { msg } from "./messages";
import { readQuietly } from "./quiet-read";
import { Redactor } from "./redactor";
import {
  checkCredential,
  checkExecutionId,
  CommandTimeouts,
  parseInstallerBaseUrl,
  parseInstallerSha256,
  parseTimeouts,
  undefinedVariable,
  undefinedVariableError,
} from "./validation";

export interface Credentials {
  clientId: string;
  clientKey: string;
  realm: string;
}

export interface TaskInputs {
  executionId: string;
  credentials: Credentials;
  upgradeCli: boolean;
  httpDebug: boolean;
  installerBaseUrl: URL;
  /** Lower-case hex SHA-256 the downloaded installer must have, if pinned. */
  installerSha256?: string;
  timeouts: CommandTimeouts;
}

export const DEFAULT_INSTALLER_BASE_URL = "https://stk.stackspot.com";

/** Registers the key with the agent's masker; a key with line breaks is registered line by line. */
export function registerSecret(value: string, redactor: Redactor, userName?: string): void {
  if (!value || undefinedVariable(value)) return;
  for (const line of value.split(/\r\n|\r|\n/)) if (line) tl.setSecret(line);
  redactor.addSecret(value, userName);
}

export function readInputs(redactor: Redactor): TaskInputs {
  const connection = (tl.getInput("stackspotServiceConnection", false) ?? "").trim();
  const clientKey =
    readQuietly(() =>
      connection
        ? tl.getEndpointAuthorizationParameter(connection, "password", true)
        : tl.getInput("clientKey", false),
    ) ?? "";
  registerSecret(clientKey, redactor);

  const errors: InputError[] = [];
  const collect = <T>(result: T | InputError | undefined): T | undefined => {
    if (result instanceof InputError) {
      errors.push(result);
      return undefined;
    }
    return result;
  };

  const executionId = (readQuietly(() => tl.getInput("executionId", false)) ?? "").trim();
  collect(checkExecutionId(executionId, (text) => redactor.holdsSecret(text)));

  const credentials = connection
    ? credentialsFromConnection(connection, clientKey, collect)
    : credentialsFromInputs(clientKey, collect);
  // Known only now: the base64 form of "id:key" (HTTP basic authorization) needs the client id.
  if (!undefinedVariable(clientKey)) redactor.addSecret(clientKey, credentials.clientId);

  const installerBaseUrl = collect(
    parseInstallerBaseUrl(
      tl.getInput("installerBaseUrl", false) || DEFAULT_INSTALLER_BASE_URL,
      readBoolean("allowInsecureInstaller", false),
    ),
  );
  const installerSha256 = collect(parseInstallerSha256(tl.getInput("installerSha256", false)));
  const timeouts = collect(parseTimeouts(tl.getInput("cliTimeoutSeconds", false)));
  if (errors.length) throw errors.length === 1 ? errors[0] : new InputErrors(errors);

  return {
    executionId,
    credentials,
    upgradeCli: readBoolean("upgradeCli", true),
    httpDebug: readBoolean("debug", false),
    installerBaseUrl: installerBaseUrl as URL,
    installerSha256,
    timeouts: timeouts as CommandTimeouts,
  };
}

type Collect = <T>(result: T | InputError | undefined) => T | undefined;

function credentialsFromInputs(clientKey: string, collect: Collect): Credentials {
  // Read quietly too: a misplaced key in them would otherwise be in a debug line before any check.
  const clientId = (readQuietly(() => tl.getInput("clientId", false)) ?? "").trim();
  const realm = (readQuietly(() => tl.getInput("realm", false)) ?? "").trim();
  const fields: Array<[string, string]> = [
    ["clientId", clientId],
    ["clientKey", clientKey],
    ["realm", realm],
  ];
  for (const [name, value] of fields) {
    const variable = undefinedVariable(value);
    if (!value)
      collect(new InputError(msg("CredentialMissing", name), msg("CredentialMissingRemedy")));
    else if (variable) collect(undefinedVariableError(name, variable));
    else collect(checkCredential(`input ${name}`, value));
  }
  return { clientId, clientKey, realm };
}

function credentialsFromConnection(
  connection: string,
  clientKey: string,
  collect: Collect,
): Credentials {
  const clientId = (
    readQuietly(() => tl.getEndpointAuthorizationParameter(connection, "username", true)) ?? ""
  ).trim();
  // The realm is an extra field of the connection type; depending on how the type declares it, the
  // agent passes it as an authorization parameter or as endpoint data. Both are read.
  const realm = (
    readQuietly(
      () =>
        tl.getEndpointAuthorizationParameter(connection, "realm", true) ||
        tl.getEndpointDataParameter(connection, "realm", true),
    ) ?? ""
  ).trim();
  const fields: Array<[string, string]> = [
    ["client id", clientId],
    ["client key", clientKey],
    ["realm", realm],
  ];
  for (const [name, value] of fields) {
    if (!value) {
      collect(
        new InputError(
          msg("ServiceConnectionIncomplete", connection, name),
          msg("ServiceConnectionIncompleteRemedy"),
        ),
      );
    } else {
      collect(checkCredential(`${name} of the service connection ${connection}`, value));
    }
  }
  return { clientId, clientKey, realm };
}

function readBoolean(name: string, fallback: boolean): boolean {
  const value = (tl.getInput(name, false) ?? "").trim().toLowerCase();
  if (value === "") return fallback;
  return value === "true";
}
