// Defence in depth for secrets: every byte the CLI writes goes through a Redactor that replaces the
// token (and its Basic-header form) and the StackSpot client key. The CLI never prints them on
// purpose; this catches what a library or an error message might carry.

/** Secrets shorter than this are not searched for: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;
export const REDACTED = "***";

export class Redactor {
  private secrets: string[] = [];

  add(secret: string | undefined): void {
    if (!secret || secret.length < MIN_SECRET_LENGTH || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    // Longest first, so that a secret containing another is replaced whole.
    this.secrets.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }
}

/** The forms a token takes on the wire: as is, and base64 of ":token" (a PAT in a Basic header). */
export function tokenForms(token: string): string[] {
  return [
    token,
    Buffer.from(`:${token}`).toString("base64"),
    Buffer.from(token).toString("base64"),
  ];
}
