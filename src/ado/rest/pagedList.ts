// The list answers that page with an x-ms-continuationtoken header: the generated clients return
// the array with the header's token set on it, and so do ours (the engine reads
// `continuationToken`).
import type { PagedList } from "azure-devops-extension-api/WebApi/WebApi";

/** The JSON array of a raw answer, with the answer's continuation token (or null) on it. */
export async function pagedList<T>(response: Response): Promise<PagedList<T>> {
  const text = await response.text();
  const list = (text ? JSON.parse(text) : []) as PagedList<T>;
  list.continuationToken = response.headers.get("x-ms-continuationtoken") as string;
  return list;
}
