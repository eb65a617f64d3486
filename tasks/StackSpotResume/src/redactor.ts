// Removes secrets from text the task did not write itself: the CLI's output, its log files and its
// HTTP trace. The agent masks values registered with ##vso[task.setsecret], but only in the log it
// uploads; an attached file, or a value in another encoding, is not masked. So the task removes
// them first.
import { secretForms } from "./secret-forms";

const MASK = "***";

const TOKEN_NAMES = "access_token|refresh_token|id_token|client_secret|client_key|password";
/**
 * Session material the CLI may print or trace even though the task never saw it: bearer tokens,
 * OAuth token fields (JSON, Python and form style) and JWTs. Each keeps its label, masks the value.
 */
const TOKEN_PATTERNS: Array<[RegExp, string]> = [
  [/(\bBearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`],
  [new RegExp(`("(?:${TOKEN_NAMES})"\\s*:\\s*")[^"]*(")`, "gi"), `$1${MASK}$2`],
  // Python's repr of a dict, as a Python CLI may log a response: {'access_token': '…'}.
  [new RegExp(`('(?:${TOKEN_NAMES})'\\s*:\\s*')[^']*(')`, "gi"), `$1${MASK}$2`],
  [new RegExp(`(\\b(?:${TOKEN_NAMES})=)[^&\\s"']+`, "gi"), `$1${MASK}`],
  [/\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, MASK],
];

/** Characters a token value is made of (JWT, base64, base64url, URL-encoded). */
const TOKEN_CHARACTER = /[A-Za-z0-9\-._~+/=%]/;
/** A label whose value has started but may go on in the next piece of a stream. */
const OPEN_TOKEN_LABEL = new RegExp(
  `(?:\\bBearer\\s+|"(?:${TOKEN_NAMES})"\\s*:\\s*"[^"]*|'(?:${TOKEN_NAMES})'\\s*:\\s*'[^']*|` +
    `\\b(?:${TOKEN_NAMES})=[^&\\s"']*)$`,
  "i",
);
/** A token-looking run longer than this is not held back whole (a stream must move on). */
const MAX_TOKEN_HOLD = 64 * 1024;

export class Redactor {
  private readonly needles = new Set<string>();

  /**
   * Registers a secret and the forms it takes on the wire (see secret-forms.ts): URL and form
   * encoding, JSON escaping, hex, base64 and base64url at any offset, and HTTP basic authorization
   * together with the user name.
   */
  addSecret(secret: string, userName?: string): void {
    if (!secret) return;
    for (const form of secretForms(secret, userName)) this.needles.add(form);
  }

  /**
   * Length of the longest registered form: a stream must hold back this much minus one character.
   */
  get longestSecret(): number {
    let longest = 0;
    for (const needle of this.needles) longest = Math.max(longest, needle.length);
    return longest;
  }

  /**
   * Moves a cut point back so that no registered secret straddles it; text before the cut can then
   * be redacted on its own without leaving half a secret unmasked.
   */
  safeCut(text: string, cut: number): number {
    let safe = cut;
    for (const needle of this.needles) {
      for (let at = text.indexOf(needle); at >= 0 && at < safe; at = text.indexOf(needle, at + 1)) {
        if (at + needle.length > safe) safe = at;
      }
    }
    return safe;
  }

  /** Whether `text` contains a registered secret in any of its forms. */
  holdsSecret(text: string): boolean {
    for (const needle of this.needles) if (text.includes(needle)) return true;
    return false;
  }

  redact(text: string): string {
    let result = text;
    // Longest first, so a form that contains another is masked whole.
    const ordered = [...this.needles].sort((a, b) => b.length - a.length);
    for (const needle of ordered) result = result.split(needle).join(MASK);
    for (const [pattern, replacement] of TOKEN_PATTERNS)
      result = result.replace(pattern, replacement);
    return result;
  }
}

/**
 * Moves a cut back to the start of an unfinished token: a token-looking run reaching the cut, and
 * its label (`Bearer `, `"access_token": "`, `password=`). Token patterns have no length limit, so
 * holding back only the longest registered secret would print the start of a split token masked
 * and its end in clear.
 */
function keepUnfinishedToken(text: string, cut: number): number {
  const limit = Math.max(0, cut - MAX_TOKEN_HOLD);
  let start = cut;
  while (start > limit && TOKEN_CHARACTER.test(text[start - 1])) start--;
  if (start === limit && limit > 0) return cut;
  const label = OPEN_TOKEN_LABEL.exec(text.slice(Math.max(0, start - 1024), start));
  return label ? start - label[0].length : start;
}

/**
 * Moves a cut back before a trailing "#", "##", "##v"…"##vso": a logging command split over two
 * released pieces would escape a reader that defuses each piece on its own, while the agent, which
 * reads whole lines, would still see it.
 */
function keepCommandPrefix(text: string, cut: number): number {
  const head = text.slice(Math.max(0, cut - 8), cut);
  const partial = /#+(?:v(?:s(?:o)?)?)?$/i.exec(head);
  return partial ? cut - partial[0].length : cut;
}

/**
 * Redacts a stream that arrives in arbitrary chunks: a secret split across two chunks must still be
 * found, so output is released line by line. A line that grows past `maxPending` characters without
 * a break is released early except for a tail long enough to hold the start of a secret.
 */
export class LineRedactingStream {
  private pending = "";

  constructor(
    private readonly redactor: Redactor,
    private readonly emit: (redactedText: string) => void,
    private readonly maxPending = 16 * 1024,
  ) {}

  write(chunk: string): void {
    this.pending += chunk;
    const lastBreak = this.pending.lastIndexOf("\n");
    if (lastBreak >= 0) {
      this.release(this.pending.slice(0, lastBreak + 1));
      this.pending = this.pending.slice(lastBreak + 1);
    }
    if (this.pending.length > this.maxPending) {
      const keep = Math.max(this.redactor.longestSecret - 1, 0);
      const secretCut = this.redactor.safeCut(this.pending, this.pending.length - keep);
      const cut = keepCommandPrefix(this.pending, keepUnfinishedToken(this.pending, secretCut));
      this.release(this.pending.slice(0, cut));
      this.pending = this.pending.slice(cut);
    }
  }

  end(): void {
    if (this.pending) this.release(this.pending);
    this.pending = "";
  }

  private release(text: string): void {
    if (text) this.emit(this.redactor.redact(text));
  }
}
