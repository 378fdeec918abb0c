/**
 * The console of a built app says what went wrong, never whom it was about. Errors from RxDB, PouchDB and the sync
 * can carry whole records (RxDB puts the document into an error's message and `parameters`, a push error holds the
 * rows it sent), and a console is shown to whoever opens DevTools and, with `--enable-logging`, written to a file: so
 * every console call of the built renderer is reduced here, once, instead of trusting each call site.
 */

type ConsoleMethod = 'error' | 'warn' | 'log' | 'info' | 'debug';
const METHODS: readonly ConsoleMethod[] = ['error', 'warn', 'log', 'info', 'debug'];

/** Longer texts are cut: an error's own words fit, a record dumped into a message does not. */
const MAX_CHARS = 200;
/** A value after the message is kept only if it looks like an id or a code (ASCII, no spaces), never like a name. */
const TOKEN = /^[\x21-\x7e]{1,100}$/;

/** A message-like text (an error's message, a CouchDB `reason`): its first line, without any quoted body, cut short. */
export function reduceText(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const body = line.search(/[{["«“]/);
  const kept = body >= 0 ? `${line.slice(0, body)}[body dropped]` : line;
  return kept.length > MAX_CHARS ? `${kept.slice(0, MAX_CHARS)}…` : kept;
}

/** One argument after the message, as it may be shown. */
export function reduceArgument(value: unknown): unknown {
  if (value === null || value === undefined || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return TOKEN.test(value) ? value : '[text]';
  if (value instanceof Error || (typeof value === 'object' && ('status' in value || 'reason' in value || 'code' in value))) {
    const e = value as { name?: unknown; code?: unknown; status?: unknown; message?: unknown; reason?: unknown; error?: unknown };
    const parts: string[] = [];
    if (typeof e.name === 'string') parts.push(e.name);
    for (const tag of [e.code, e.status, e.error]) if (typeof tag === 'string' || typeof tag === 'number') parts.push(`[${tag}]`);
    const words = typeof e.message === 'string' ? e.message : typeof e.reason === 'string' ? e.reason : '';
    return `${parts.join(' ') || 'error'}: ${reduceText(words)}`;
  }
  return Array.isArray(value) ? `[array of ${value.length}]` : '[object]';
}

/** Every console method of `target` reduces its arguments: the first (the call site's own words) kept, the rest reduced. */
export function guardConsole(target: Pick<Console, ConsoleMethod> = console): void {
  for (const method of METHODS) {
    const original = target[method].bind(target);
    target[method] = (first?: unknown, ...rest: unknown[]) => {
      original(typeof first === 'string' ? reduceText(first) : reduceArgument(first), ...rest.map(reduceArgument));
    };
  }
}
