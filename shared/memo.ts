// Trackers repeat the same few hundred texts (dates, types, point names, headers) over thousands of
// rows: the parsers read each distinct text once. A cache that outgrows `limit` is emptied rather
// than grown, so an unusual workbook cannot make it hold everything it ever saw.

/** `cache`'s value for `key`, computed and stored on first use. */
export function remember<K, V>(cache: Map<K, V>, key: K, compute: () => V, limit = 20_000): V {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute();
    if (cache.size > limit) cache.clear();
    cache.set(key, value);
  }
  return value;
}
