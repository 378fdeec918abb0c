/**
 * Reads a file's body (format.ts: `{"profile": …, "collections": {"appeals": [doc, …], …}}`, keys in any order) from
 * its decompressed bytes as they come, without ever holding the body as one string: a register of 150,000 appeals is
 * ~250 MB of JSON, near V8's longest string and far above what an old office PC should hold twice. A small state
 * machine follows the body's outer structure; each record (and the profile) is cut out as bytes and parsed on its own,
 * and records reach the caller in pages. JSON.parse of each piece checks the JSON inside it; the structure around the
 * pieces is checked here. Anything else (another layout, a key twice, a count that differs from the header) is the
 * same refusal the whole-body parse gave: damaged.
 */
import type { TransferDoc } from './file-types';

/** What the reader hands on, in the body's order. */
export interface BodyVisitor {
  /** The body's profile (any JSON value: the caller checks it). Returning 'stop' ends the reading there. */
  profile?(value: unknown): 'stop' | undefined;
  /** A collection's records begin (also for an empty one). */
  collection?(name: string): void;
  /** A page of one collection's records (at most `pageSize`); a non-null return stops the reading with it. */
  docs?(collection: string, docs: TransferDoc[]): Promise<unknown> | unknown;
}

/** Why the reading stopped early: the body did not fit, the visitor asked, or the visitor refused a page. */
export type BodyOutcome = { kind: 'read' } | { kind: 'damaged' } | { kind: 'stopped' } | { kind: 'refused'; value: unknown };

const [QUOTE, BACKSLASH, COMMA, COLON] = [0x22, 0x5c, 0x2c, 0x3a];
const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY] = [0x7b, 0x7d, 0x5b, 0x5d];
const isSpace = (b: number) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;

/**
 * Where the reader is in the body's outer structure. `value` states cut out one whole JSON value: `topValue` the value
 * of a top-level key (the profile, or a key this app does not know, read and ignored as JSON.parse would), `doc` one
 * record. Keys are values too (strings).
 */
type Where =
  | 'start'
  | 'topKeyOrEnd'
  | 'topKey'
  | 'topColon'
  | 'topValue'
  | 'topNext'
  | 'collectionsOpen'
  | 'nameOrEnd'
  | 'name'
  | 'nameColon'
  | 'arrayOpen'
  | 'docOrEnd'
  | 'doc'
  | 'docNext'
  | 'nameNext'
  | 'end';

class Damaged extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Cuts one JSON value out of the byte stream, across pieces: an object or array, a string, or a bare scalar. */
class ValueCut {
  private parts: Uint8Array[] = [];
  /** The value's length in bytes so far. */
  length = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private scalar = false;

  /** Starts at the value's first byte: an object, an array or a string ends at its closing byte, a scalar before a delimiter. */
  constructor(first: number) {
    this.scalar = first !== OPEN_OBJECT && first !== OPEN_ARRAY && first !== QUOTE;
  }

  /**
   * Scans `bytes` from `from`; returns the index just past the value's end, or -1 when the value goes on in the next
   * piece (the scanned bytes are kept).
   */
  scan(bytes: Uint8Array, from: number): number {
    let i = from;
    const n = bytes.length;
    if (this.scalar) {
      while (i < n) {
        const b = bytes[i] as number;
        if (b === COMMA || b === CLOSE_OBJECT || b === CLOSE_ARRAY || isSpace(b)) break;
        i++;
      }
      this.keep(bytes.subarray(from, i));
      return i < n ? i : -1;
    }
    while (i < n) {
      const b = bytes[i++] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (b === BACKSLASH) this.escaped = true;
        else if (b === QUOTE) {
          this.inString = false;
          if (this.depth === 0) return this.finish(bytes, from, i);
        }
      } else if (b === QUOTE) this.inString = true;
      else if (b === OPEN_OBJECT || b === OPEN_ARRAY) this.depth++;
      else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) {
        this.depth--;
        if (this.depth === 0) return this.finish(bytes, from, i);
        if (this.depth < 0) throw new Damaged();
      }
    }
    this.keep(bytes.subarray(from, n));
    return -1;
  }

  private finish(bytes: Uint8Array, from: number, end: number): number {
    this.keep(bytes.subarray(from, end));
    return end;
  }

  private keep(part: Uint8Array) {
    this.parts.push(part);
    this.length += part.length;
  }

  /** The value's bytes, parsed (a scalar ends at the end of the body too). */
  value(decoder: TextDecoder): unknown {
    const parts = this.parts;
    let bytes: Uint8Array;
    if (parts.length === 1) bytes = parts[0] as Uint8Array;
    else {
      bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
      let at = 0;
      for (const p of parts) {
        bytes.set(p, at);
        at += p.length;
      }
    }
    try {
      return JSON.parse(decoder.decode(bytes));
    } catch {
      throw new Damaged();
    }
  }
}

/**
 * A page also ends at this many bytes of JSON: records with scans (the `files` collection, attachments as base64) are
 * MBs each, and a page of a thousand of them would not fit an office PC's memory.
 */
const PAGE_BYTES = 16 << 20;

/** The largest piece scanned at once, so a body handed over whole (a version 1 file) is still parsed page by page. */
const SLICE = 1 << 20;

/**
 * Reads a body from its byte pieces, in order. `counts`: the header's count per collection; a collection the header
 * does not name, or a count that differs, is damage. Stops at the first page the visitor refuses.
 */
export async function readBody(
  pieces: AsyncIterable<Uint8Array>,
  counts: Record<string, number | undefined>,
  visitor: BodyVisitor,
  pageSize = 1000,
  pageBytes = PAGE_BYTES,
): Promise<BodyOutcome> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let where: Where = 'start';
  let cut: ValueCut | null = null;
  let topKey = '';
  const topKeys = new Set<string>();
  let collection = '';
  const names = new Set<string>();
  let count = 0;
  let page: TransferDoc[] = [];
  let pageLength = 0;
  let stopped = false;
  /** A full page waiting for the visitor: handed over between slices, so the scan itself never awaits. */
  let ready: { name: string; docs: TransferDoc[] }[] = [];

  const closeCollection = () => {
    if (page.length > 0) ready.push({ name: collection, docs: page });
    page = [];
    pageLength = 0;
    if (counts[collection] !== count) throw new Damaged();
  };

  /** A whole value was cut out: put it where it belongs, and say where the reader is now. */
  const take = (value: unknown, length: number): Where => {
    switch (where) {
      case 'topKey':
        if (typeof value !== 'string' || topKeys.has(value)) throw new Damaged();
        topKey = value;
        topKeys.add(value);
        return 'topColon';
      case 'topValue':
        if (topKey === 'profile') {
          if (!(value === null || isObject(value))) throw new Damaged();
          if (visitor.profile?.(value) === 'stop') stopped = true;
        }
        return 'topNext';
      case 'name':
        // A collection the header does not name: JSON.parse and the count check refused it as well.
        if (typeof value !== 'string' || names.has(value) || counts[value] === undefined) throw new Damaged();
        collection = value;
        names.add(value);
        count = 0;
        visitor.collection?.(value);
        return 'nameColon';
      case 'doc':
        if (!isObject(value) || typeof value.id !== 'string') throw new Damaged();
        count++;
        page.push(value as TransferDoc);
        pageLength += length;
        if (page.length >= pageSize || pageLength >= pageBytes) {
          ready.push({ name: collection, docs: page });
          page = [];
          pageLength = 0;
        }
        return 'docNext';
      default:
        throw new Damaged();
    }
  };

  const skipDoc = (): Where => {
    count++;
    return 'docNext';
  };

  /** Scans one slice; values that go on into the next slice stay in `cut`. */
  const scan = (bytes: Uint8Array) => {
    let i = 0;
    const n = bytes.length;
    while (i < n && !stopped) {
      if (cut) {
        const end = cut.scan(bytes, i);
        if (end < 0) return;
        i = end;
        // Records nobody asked for (a reading for the profile only) are counted, not parsed.
        const value = where === 'doc' && !visitor.docs ? {} : cut.value(decoder);
        const length = cut.length;
        cut = null;
        where = where === 'doc' && !visitor.docs ? skipDoc() : take(value, length);
        continue;
      }
      const b = bytes[i] as number;
      if (isSpace(b)) {
        i++;
        continue;
      }
      const startValue = (next: Where) => {
        where = next;
        cut = new ValueCut(b);
      };
      switch (where) {
        case 'start':
          if (b !== OPEN_OBJECT) throw new Damaged();
          where = 'topKeyOrEnd';
          break;
        case 'topKeyOrEnd':
        case 'topKey':
          if (b === CLOSE_OBJECT && where === 'topKeyOrEnd') {
            where = 'end';
            break;
          }
          if (b !== QUOTE) throw new Damaged();
          startValue('topKey');
          continue;
        case 'topColon':
          if (b !== COLON) throw new Damaged();
          where = topKey === 'collections' ? 'collectionsOpen' : 'topValue';
          break;
        case 'topValue':
          startValue('topValue');
          continue;
        case 'topNext':
          if (b === COMMA) where = 'topKey';
          else if (b === CLOSE_OBJECT) where = 'end';
          else throw new Damaged();
          break;
        case 'collectionsOpen':
          if (b !== OPEN_OBJECT) throw new Damaged();
          where = 'nameOrEnd';
          break;
        case 'nameOrEnd':
        case 'name':
          if (b === CLOSE_OBJECT && where === 'nameOrEnd') {
            where = 'topNext';
            break;
          }
          if (b !== QUOTE) throw new Damaged();
          startValue('name');
          continue;
        case 'nameColon':
          if (b !== COLON) throw new Damaged();
          where = 'arrayOpen';
          break;
        case 'arrayOpen':
          if (b !== OPEN_ARRAY) throw new Damaged();
          where = 'docOrEnd';
          break;
        case 'docOrEnd':
        case 'doc':
          if (b === CLOSE_ARRAY && where === 'docOrEnd') {
            closeCollection();
            where = 'nameNext';
            break;
          }
          startValue('doc');
          continue;
        case 'docNext':
          if (b === COMMA) where = 'doc';
          else if (b === CLOSE_ARRAY) {
            closeCollection();
            where = 'nameNext';
          } else throw new Damaged();
          break;
        case 'nameNext':
          if (b === COMMA) where = 'name';
          else if (b === CLOSE_OBJECT) where = 'topNext';
          else throw new Damaged();
          break;
        case 'end':
          throw new Damaged();
      }
      i++;
    }
  };

  /** Hands the full pages to the visitor; a refusal ends the reading. */
  const flush = async (): Promise<BodyOutcome | null> => {
    const pages = ready;
    ready = [];
    for (const p of pages) {
      const refusal = await visitor.docs?.(p.name, p.docs);
      if (refusal !== undefined && refusal !== null) return { kind: 'refused', value: refusal };
    }
    return null;
  };

  const iterator = pieces[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<Uint8Array>;
      try {
        next = await iterator.next();
      } catch {
        // A cut or corrupted gzip stream rejects here.
        return { kind: 'damaged' };
      }
      if (next.done) break;
      const piece = next.value;
      for (let at = 0; at < piece.length && !stopped; at += SLICE) {
        try {
          scan(piece.subarray(at, at + SLICE));
        } catch (error) {
          // A piece that is not UTF-8 or JSON, or a structure this app never writes.
          if (error instanceof Damaged) return { kind: 'damaged' };
          throw error;
        }
        const refused = await flush();
        if (refused) return refused;
      }
      if (stopped) return { kind: 'stopped' };
    }
  } finally {
    // Stopped early or refused: the rest of the stream is not needed (no-op when it ended).
    try {
      await iterator.return?.();
    } catch {
      // Cancelling a stream that already failed: nothing more to do.
    }
  }
  // The body ends with its closing brace; both keys are required, as the whole-body check required them.
  // (The casts: both change inside the closures above, which TypeScript's narrowing does not follow.)
  if ((where as Where) !== 'end' || (cut as ValueCut | null)) return { kind: 'damaged' };
  if (!topKeys.has('collections') || !topKeys.has('profile')) return { kind: 'damaged' };
  return { kind: 'read' };
}
