// The forms a secret takes on the wire and in the CLI's HTTP trace, so the redactor can remove each
// of them. The trace matters most: it is attached to the run as a file, which the agent does not
// mask.

/** RFC 3986 percent-encoding; encodeURIComponent leaves !'()* as they are. */
function strictPercentEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const toBase64Url = (base64: string) => base64.replace(/\+/g, "-").replace(/\//g, "_");

/** The secret as text: raw, URL- and form-encoded (either case of the escapes), JSON-escaped. */
function textForms(secret: string): string[] {
  const percent = [encodeURIComponent(secret), strictPercentEncode(secret)];
  const forms = [secret, ...percent, ...percent.map((p) => p.replace(/%20/g, "+"))];
  forms.push(...forms.map((f) => f.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())));
  forms.push(JSON.stringify(secret).slice(1, -1));
  return forms;
}

/**
 * The base64 and base64url characters that depend on the secret's bytes alone when it starts at
 * byte offset 0, 1 or 2 of a longer encoded text (a JSON body, `id:key`): one of them is in every
 * base64 text that holds the secret, whatever surrounds it.
 */
function base64Cores(bytes: Buffer): string[] {
  return [0, 1, 2].flatMap((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    const core = encoded.slice(start, end);
    return [core, toBase64Url(core)];
  });
}

/** Whole base64 and base64url, hex in either case, and the offset cores. */
function binaryForms(text: string): string[] {
  const bytes = Buffer.from(text, "utf8");
  const base64 = bytes.toString("base64");
  const hex = bytes.toString("hex");
  return [
    base64,
    toBase64Url(base64).replace(/=+$/, ""),
    hex,
    hex.toUpperCase(),
    ...base64Cores(bytes),
  ];
}

/** HTTP basic authorization: base64 of `id:key`, raw and (RFC 6749 client_secret_basic) encoded. */
function basicForms(userName: string, secret: string): string[] {
  const pairs = [
    `${userName}:${secret}`,
    `${encodeURIComponent(userName)}:${encodeURIComponent(secret)}`,
    `${strictPercentEncode(userName)}:${strictPercentEncode(secret)}`,
  ];
  return pairs.map((pair) => Buffer.from(pair, "utf8").toString("base64"));
}

/**
 * Every form of `secret`. Text forms of 4 characters or more are kept (shorter ones would mask
 * ordinary words); encoded forms need 8, as short base64 or hex runs occur by chance.
 */
export function secretForms(secret: string, userName?: string): string[] {
  const forms = new Set<string>();
  for (const text of textForms(secret)) {
    if (text.length >= 4) forms.add(text);
    for (const form of binaryForms(text)) if (form.length >= 8) forms.add(form);
  }
  if (userName) for (const form of basicForms(userName, secret)) forms.add(form);
  return [...forms];
}
