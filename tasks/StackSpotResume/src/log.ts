// Output the task writes itself. task-lib's ToolRunner is not used for processes: it echoes every
// argument and logs them in debug lines, which would print the client key. The task echoes command
// lines here instead, with secrets replaced and logging commands defused.
import * as os from "os";

/**
 * The agent runs "##vso[" and "##[" found anywhere in a line, in any case, as a logging command.
 * Text that did not come from the task itself is printed with those prefixes turned into "**vso["
 * and "**[", as the agent itself defuses output it must not obey, so it can never issue a command
 * such as task.setvariable.
 */
export function defuseCommands(text: string): string {
  return text.replace(/##(vso\[|\[)/gi, "**$1");
}

export function writeLine(text: string): void {
  process.stdout.write(text + os.EOL);
}

/** Quotes an argument for display only (nothing is ever run through a shell). */
function displayArgument(arg: string): string {
  return /^[A-Za-z0-9_\-.:/=@,+%]+$/.test(arg) ? arg : JSON.stringify(arg);
}

/**
 * Writes `[command]file arg…` the way the agent highlights it; arguments at `masked` show as ***,
 * and the whole line goes through the redactor too: a secret may hide in another argument.
 */
export function echoCommand(
  file: string,
  args: readonly string[],
  masked: ReadonlySet<number>,
  redact: (text: string) => string,
): void {
  const shown = args.map((arg, i) => (masked.has(i) ? "***" : displayArgument(arg)));
  writeLine(defuseCommands(redact(`[command]${[displayArgument(file), ...shown].join(" ")}`)));
}

export function startGroup(title: string): void {
  writeLine(`##[group]${defuseCommands(title)}`);
}

export function endGroup(): void {
  writeLine("##[endgroup]");
}
