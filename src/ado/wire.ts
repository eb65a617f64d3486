// The library's REST types describe what the service answers: every field present, enums as
// numbers. What we send is smaller (a new definition has no id yet) and names enum values as the
// documented strings, which the service takes and the emulator's contract checks hold us to (see
// docs/CONTRACT.md). The helpers in this folder build those bodies; this is the one place where a
// documented name stands in for the library's number.

/** An enum value by its documented name, where the library's type says number. */
export function enumName<E extends number>(name: string): E {
  return name as unknown as E;
}

/** The resource's page in the web UI (`_links.web.href`), when the service sent it. */
export function webLink(resource: { _links?: { web?: { href?: string } } }): string | undefined {
  return resource._links?.web?.href;
}
