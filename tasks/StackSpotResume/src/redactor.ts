// Removes secrets from text the task did not write itself: the CLI's output, its log files and its
// HTTP trace. The agent masks values registered with ##vso[task.setsecret], but only in the log it
// uploads; an attached file, or a value in another encoding, is not masked. So the task removes
// them first.

const MASK = "***";

/**
 * Session material the CLI may print or trace even though the task never saw it: bearer tokens,
 * OAuth
 * token fields and JWTs. Each pattern keeps its label and masks the value.
 */
const TOKEN_PATTERNS: Array<[RegExp, string]> = [
  [/(\bBearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`],
  [
    /("(?:access_token|refresh_token|id_token|client_secret|client_key|password)"\s*:\s*")[^"]*(")/gi,
    `$1${MASK}$2`,
  ],
  [
    /(\b(?:access_token|refresh_token|id_token|client_secret|client_key|password)=)[^&\s"']+/gi,
    `$1${MASK}`,
  ],
  [/\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, MASK],
];

export class Redactor {
  private readonly needles = new Set<string>();

  /**
   * Registers a secret and the forms it takes on the wire: URL and form encoding (OAuth token
   * requests), JSON escaping, and HTTP basic authorization together with the user name.
   */
  addSecret(secret: string, userName?: string): void {
    if (!secret) return;
    const forms = [
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%20/g, "+"),
      JSON.stringify(secret).slice(1, -1),
      Buffer.from(secret, "utf8").toString("base64"),
    ];
    if (userName) forms.push(Buffer.from(`${userName}:${secret}`, "utf8").toString("base64"));
    // Very short strings would mask ordinary words; a real client key is far longer.
    for (const form of forms) if (form.length >= 4) this.needles.add(form);
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
   * be
   * redacted on its own without leaving half a secret unmasked.
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
 * a
 * break is released early except for a tail long enough to hold the start of a secret.
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
      const cut = keepCommandPrefix(
        this.pending,
        this.redactor.safeCut(this.pending, this.pending.length - keep),
      );
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
