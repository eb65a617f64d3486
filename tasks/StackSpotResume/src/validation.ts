// The rules inputs must follow, checked before anything touches the network. A refused value is
// never printed: the message names the input, the rule broken (with the position and kind of the
// offending character) and the fix.
import { InputError } from "./errors";
import { msg } from "./messages";

export const EXECUTION_ID_MAX_LENGTH = 128;
const EXECUTION_ID_CHARACTER = /[A-Za-z0-9\-_.:]/;
const CREDENTIAL_MAX_LENGTH = 1024;
/** Printable ASCII without the space: what StackSpot ids, keys and realm names are made of. */
const CREDENTIAL_CHARACTER = /[\x21-\x7e]/;

const CHARACTER_NAMES: Record<string, string> = {
  " ": "a space",
  "\t": "a tab",
  "\n": "a line break",
  "\r": "a carriage return",
  '"': "a double quote",
  "'": "a single quote",
  "`": "a back-tick",
  $: "a dollar sign",
  ";": "a semicolon",
  "&": "an ampersand",
  "|": "a vertical bar",
  "<": "a less-than sign",
  ">": "a greater-than sign",
  "(": "an opening parenthesis",
  ")": "a closing parenthesis",
  "#": "a hash sign",
  "[": "an opening bracket",
  "]": "a closing bracket",
  "\\": "a backslash",
  "/": "a slash",
  "*": "an asterisk",
  "?": "a question mark",
  "{": "an opening brace",
  "}": "a closing brace",
  "%": "a percent sign",
  "=": "an equals sign",
  ",": "a comma",
};

/** Names a character without printing it: "a semicolon (U+003B)". */
export function describeCharacter(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  const code = `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CHARACTER_NAMES[character];
  if (name) return `${name} (${code})`;
  if (codePoint < 0x20 || codePoint === 0x7f) return `a control character (${code})`;
  if (codePoint > 0x7e) return `a non-ASCII character (${code})`;
  return `the character ${code}`;
}

/** The first character breaking `allowed`, with its 1-based position, or undefined if all pass. */
function firstRefused(
  value: string,
  allowed: RegExp,
): { position: number; description: string } | undefined {
  const characters = Array.from(value);
  const index = characters.findIndex((c) => !allowed.test(c));
  return index < 0
    ? undefined
    : { position: index + 1, description: describeCharacter(characters[index]) };
}

/**
 * `holdsSecret` comes first: for a queue-time `workflow_execution_id=$(STK_CLIENT_KEY)`, the length
 * or the position of a refused character would describe the key.
 */
export function checkExecutionId(
  value: string,
  holdsSecret: (text: string) => boolean,
): InputError | undefined {
  if (!value.trim()) return new InputError(msg("ExecutionIdEmpty"), msg("ExecutionIdEmptyRemedy"));
  if (holdsSecret(value))
    return new InputError(msg("ExecutionIdHoldsSecret"), msg("ExecutionIdRemedy"));
  const length = Array.from(value).length;
  if (length > EXECUTION_ID_MAX_LENGTH) {
    return new InputError(
      msg("ExecutionIdTooLong", length, EXECUTION_ID_MAX_LENGTH),
      msg("ExecutionIdRemedy"),
    );
  }
  const refused = firstRefused(value, EXECUTION_ID_CHARACTER);
  if (refused) {
    return new InputError(
      msg("ExecutionIdBadCharacter", refused.position, refused.description),
      msg("ExecutionIdRemedy"),
    );
  }
  // The id is one argument of `stk resume workflow`, but the CLI's parser still reads "--help",
  // "-h", "--debug" or "--" there as an option; an id that starts alphanumeric never is one.
  if (!/^[A-Za-z0-9]/.test(value))
    return new InputError(msg("ExecutionIdBadStart"), msg("ExecutionIdRemedy"));
  return undefined;
}

/**
 * The agent leaves `$(NAME)` untouched when the variable NAME does not exist; the input then holds
 * the macro text. Returns NAME when the whole value is such a macro.
 */
export function undefinedVariable(value: string): string | undefined {
  const match = /^\s*\$\(([A-Za-z0-9_.-]+)\)\s*$/.exec(value);
  return match ? match[1] : undefined;
}

export function undefinedVariableError(inputName: string, variable: string): InputError {
  return new InputError(
    msg("VariableNotDefined", inputName, variable, variable),
    msg("VariableNotDefinedRemedy", variable),
  );
}

/**
 * `label` names the value in messages, e.g. "input clientKey" or "client key of service connection
 * X".
 */
export function checkCredential(label: string, value: string): InputError | undefined {
  const length = Array.from(value).length;
  if (length > CREDENTIAL_MAX_LENGTH) {
    return new InputError(
      msg("CredentialTooLong", label, length, CREDENTIAL_MAX_LENGTH),
      msg("CredentialBadCharacterRemedy"),
    );
  }
  const refused = firstRefused(value, CREDENTIAL_CHARACTER);
  if (refused) {
    return new InputError(
      msg("CredentialBadCharacter", label, refused.position, refused.description),
      msg("CredentialBadCharacterRemedy"),
    );
  }
  return undefined;
}

/**
 * The installer's base address, without a trailing slash. https only, unless `allowInsecure`: the
 * installer runs on the agent and the CLI it installs receives the client key.
 */
export function parseInstallerBaseUrl(value: string, allowInsecure: boolean): URL | InputError {
  const invalid = new InputError(msg("InstallerUrlInvalid"), msg("InstallerUrlInvalidRemedy"));
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return invalid;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return invalid;
  if (url.search || url.hash || url.username || url.password) return invalid;
  if (url.protocol === "http:" && !allowInsecure)
    return new InputError(msg("InstallerUrlInsecure"), msg("InstallerUrlInsecureRemedy"));
  url.pathname = url.pathname.replace(/\/+$/, "");
  return url;
}

/** The optional installer hash, lower-cased; undefined when empty. */
export function parseInstallerSha256(value: string | undefined): string | undefined | InputError {
  const text = (value ?? "").trim();
  if (!text) return undefined;
  if (!/^[0-9A-Fa-f]{64}$/.test(text))
    return new InputError(msg("InstallerSha256Invalid"), msg("InstallerSha256InvalidRemedy"));
  return text.toLowerCase();
}

export const DEFAULT_TIMEOUTS = { shortCommandSeconds: 300, resumeSeconds: 3600 };
const MAX_TIMEOUT_SECONDS = 86400;

export interface CommandTimeouts {
  /** Installer, `stk --version`, `stk upgrade`, `stk login`. */
  shortCommandSeconds: number;
  /** `stk resume workflow`, which runs the whole workflow. */
  resumeSeconds: number;
}

export function parseTimeouts(value: string | undefined): CommandTimeouts | InputError {
  const text = (value ?? "").trim();
  if (text === "" || text === "0") return { ...DEFAULT_TIMEOUTS };
  if (!/^\d{1,6}$/.test(text) || Number(text) > MAX_TIMEOUT_SECONDS) {
    return new InputError(msg("TimeoutInvalid"), msg("TimeoutInvalidRemedy"));
  }
  const seconds = Number(text);
  return { shortCommandSeconds: seconds, resumeSeconds: seconds };
}
