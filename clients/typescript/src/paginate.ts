/** A page of a keyset-paginated list: pass `nextCursor` back as `cursor`; `null` (or absent) on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/**
 * Walks every item of a list as an async iterator, fetching the next page only when the previous one is used up.
 * `fetchPage` gets the cursor (`undefined` for the first page). With `single`, the list is not paginated and the
 * first answer holds every item.
 *
 * ```ts
 * for await (const asset of paginate((cursor) => client.assets.list({ scope: "owned", cursor }))) console.log(asset.title);
 * ```
 */
export async function* paginate<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  options: { single?: boolean } = {},
): AsyncIterableIterator<T> {
  let cursor: string | undefined;
  const seen = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (options.single || !page.nextCursor) return;
    if (seen.has(page.nextCursor)) throw new Error(`the server returned the cursor ${page.nextCursor} twice`);
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
}
