/**
 * A record's content as the soak compares it: canonical JSON (keys sorted at every level) without bookkeeping fields.
 * Top-level fields starting with `_` are RxDB's (`_rev`, `_meta`, `_attachments`, `_deleted`) or CouchDB's, never a
 * record's own, so two copies of one record compare equal exactly when what a person registered is the same.
 */
export function contentOf(record: Record<string, unknown>): string {
  const own: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!k.startsWith('_')) own[k] = v;
  return JSON.stringify(sorted(own));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sorted((value as Record<string, unknown>)[key]);
  return out;
}
