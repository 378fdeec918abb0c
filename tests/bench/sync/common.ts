/**
 * What the parts of the sync benchmark share: the link's figures, the knobs, the log and the units it prints in.
 */
import type { FaultStats } from '../../helpers/fault-proxy';

/** Appeals per village (two events each). */
export const APPEALS = Number(process.env.BENCH_APPEALS ?? 1000);
/** Villages of the community the council PC joins in the first-sync section. */
export const VILLAGES = Number(process.env.BENCH_VILLAGES ?? 27);
export const SKIP_POUCHDB_SERVER = process.env.BENCH_SKIP_POUCHDB_SERVER === '1';
export const SKIP_FIRST_SYNC = process.env.BENCH_SKIP_FIRST_SYNC === '1';

/** Bytes per second in one kbit/s. */
export const KBIT = 1000 / 8;
/** A 2G-class village link: 256 kbit/s, 150 ms each way. */
export const VILLAGE_KBITS = 256;
export const ONE_WAY_MS = 150;
/** The cut row: the link drops the connection in flight every ~300 KB of traffic (both directions), BENCH_CUT_KB. */
export const CUT_EVERY_BYTES = Number(process.env.BENCH_CUT_KB ?? 300) * 1024;
/**
 * A second cut row, harsher than the issue's: our whole sync of 1,000 appeals moves under 100 KB, so a cut every
 * ~300 KB never lands; one every ~20 KB cuts it several times (BENCH_STRESS_CUT_KB).
 */
export const STRESS_CUT_BYTES = Number(process.env.BENCH_STRESS_CUT_KB ?? 20) * 1024;
/** The council PC's first sync of a whole community is measured at 4 Mbit/s (an office DSL line): see first-sync.ts. */
export const COUNCIL_KBITS = 4000;
/** A row that has not finished by then is reported as such rather than waited for. */
export const ROW_TIMEOUT_MS = 5 * 60_000;

const started = Date.now();
/** A progress line with the seconds since the start. */
export const log = (text: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}`);
export const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
/** The time the payload takes at the link's bandwidth, the physical limit of any client: ms. */
export const limitMs = (bytes: number, kbits: number) => (bytes / (kbits * KBIT)) * 1000;
export const times = (x: number) => `${x.toFixed(2)}×`;

/** The documents a row moves, as the server holds them, and their size as JSON and gzip-compressed. */
export interface Payload {
  docs: number;
  json: number;
  gzip: number;
}

/** One measured row of a link table. */
export interface Row {
  label: string;
  /** Until all the documents are where the row is done: ov_central for our client. Null when not finished (`note`). */
  ms: number | null;
  /** Our client: until all are in the village database, the push's own part (the server's replication follows). */
  pushedMs: number | null;
  wire: FaultStats;
  kbits: number;
  note?: string;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));
