// Every project of the organization (the CLI's --all-projects, the organization view), through
// the core client, page by page. The service pages the list with $top / $skip and, when more
// remain, an x-ms-continuationtoken header (which the client returns as `continuationToken`); both
// are followed, so neither a service that sends tokens nor one that only honours $skip stops the
// listing early.
import type { AdoClients } from "./clients";

/** The service's own page size for projects. */
export const PROJECT_PAGE_SIZE = 100;
/** A guard against a service that keeps answering the same page. */
const MAX_PAGES = 10_000;

export async function listAllProjects(
  clients: Pick<AdoClients, "core">,
  pageSize = PROJECT_PAGE_SIZE,
): Promise<string[]> {
  return (await listAllProjectRefs(clients, pageSize)).map((p) => p.name);
}

/**
 * Names and ids, sorted by name: the id lets the set-up check permissions in its first round trip.
 */
export async function listAllProjectRefs(
  clients: Pick<AdoClients, "core">,
  pageSize = PROJECT_PAGE_SIZE,
): Promise<{ id: string; name: string }[]> {
  const refs: { id: string; name: string }[] = [];
  const seen = new Set<string>();
  let skip = 0;
  let token: number | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const list = await clients.core.getProjects(
      undefined,
      pageSize,
      token === undefined ? skip : undefined,
      token,
    );
    // Bare array (noArrayWrap, as the transport asks) or, should a server ignore that, {count,
    // value}.
    const wrapped = (list as unknown as { value?: unknown }).value;
    const items = (Array.isArray(list) ? list : Array.isArray(wrapped) ? wrapped : []) as {
      id?: string;
      name: string;
    }[];
    let added = 0;
    for (const p of items) {
      if (!p?.id || seen.has(p.id)) continue;
      seen.add(p.id);
      refs.push({ id: p.id, name: p.name });
      added++;
    }
    const next = (list as { continuationToken?: unknown }).continuationToken;
    const nextToken = next === null || next === undefined || next === "" ? undefined : Number(next);
    if (nextToken !== undefined && Number.isFinite(nextToken) && nextToken !== token) {
      token = nextToken;
      continue;
    }
    if (items.length < pageSize || added === 0) break;
    token = undefined;
    skip = seen.size;
  }
  return refs.sort((a, b) => a.name.localeCompare(b.name));
}
