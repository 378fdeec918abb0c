/**
 * Whether a failed write ran out of storage: Chromium's IndexedDB raises `QuotaExceededError` when the disk or the
 * origin's quota is full, and RxDB and Dexie pass it on wrapped (`inner`, `cause`, `parameters.error`) or quoted in
 * their message.
 */
export function isQuotaExceeded(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const e = error as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; parameters?: { error?: unknown } };
  if (e.name === 'QuotaExceededError') return true;
  if (typeof e.message === 'string' && /QuotaExceededError|quota (has been )?exceeded/i.test(e.message)) return true;
  return [e.inner, e.cause, e.parameters?.error].some((inner) => isQuotaExceeded(inner, depth + 1));
}
