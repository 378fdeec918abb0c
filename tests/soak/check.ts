/**
 * The invariants after a heal: every record written exists exactly once, with the same content, in its village's
 * local database, in the central CouchDB database and in the council PC's local database, and nowhere else; nothing
 * is set aside or rejected; the status bar tells the truth (nothing waiting, no failure, online).
 */
import type { CentralRecord } from './central';
import type { PcSnapshot, RecordView } from './pc-protocol';

/** What the harness wrote, by `<collection>:<id>`. */
export type Ledger = Map<string, RecordView>;

const keyOf = (r: RecordView) => `${r.collection}:${r.id}`;

/** Differences between what a copy holds and what it should hold (a few examples of each kind). */
function compare(where: string, expected: RecordView[], held: Map<string, RecordView>): string[] {
  const missing: string[] = [];
  const differing: string[] = [];
  const wanted = new Set<string>();
  for (const record of expected) {
    const key = keyOf(record);
    wanted.add(key);
    const copy = held.get(key);
    if (!copy) missing.push(key);
    else if (copy.content !== record.content) differing.push(`${key}: ${record.content} ≠ ${copy.content}`);
  }
  const extra = [...held.keys()].filter((key) => !wanted.has(key));
  const problems: string[] = [];
  const some = (list: string[]) => `${list.slice(0, 3).join('; ')}${list.length > 3 ? '; …' : ''}`;
  if (missing.length) problems.push(`${where}: ${missing.length} missing, e.g. ${some(missing)}`);
  if (differing.length) problems.push(`${where}: ${differing.length} with other content, e.g. ${some(differing)}`);
  if (extra.length)
    problems.push(
      `${where}: ${extra.length} that should not be there (another village's, or written by no one), e.g. ${some(extra)}`,
    );
  return problems;
}

/** The problems of one PC: its records (those of `villageId`, or all for the council) and its status bar. */
export function checkPc(where: string, ledger: Ledger, snap: PcSnapshot, villageId: string | null): string[] {
  const expected = [...ledger.values()].filter((r) => villageId === null || r.villageId === villageId);
  const held = new Map<string, RecordView>();
  const twice: string[] = [];
  for (const r of snap.records) {
    if (held.has(keyOf(r))) twice.push(keyOf(r));
    held.set(keyOf(r), r);
  }
  const problems = compare(where, expected, held);
  if (twice.length) problems.push(`${where}: ${twice.length} held twice, e.g. ${twice.slice(0, 3).join(', ')}`);
  if (snap.setAside) problems.push(`${where}: ${snap.setAside} set aside: ${snap.setAsideSample.join('; ')}`);
  if (snap.outboxRejected) problems.push(`${where}: ${snap.outboxRejected} rejected in the outbox`);
  if (snap.outboxWaiting) problems.push(`${where}: ${snap.outboxWaiting} still waiting in the outbox`);
  const s = snap.status;
  if (s.waiting !== snap.outboxWaiting)
    problems.push(`${where}: status says ${s.waiting} waiting, the outbox ${snap.outboxWaiting}`);
  if (s.rejected.length) problems.push(`${where}: status says ${s.rejected.length} rejected`);
  if (s.failure) problems.push(`${where}: status shows a failure: ${s.failure.kind} ${s.failure.detail ?? ''}`);
  if (!s.isOnline) problems.push(`${where}: status says offline`);
  if (!s.isRunning) problems.push(`${where}: sync not running`);
  return problems;
}

/** The problems of the central database: every record once, no conflicts, nothing deleted, nothing extra. */
export function checkCentral(ledger: Ledger, central: Map<string, CentralRecord>): string[] {
  const problems = compare('central CouchDB', [...ledger.values()], central);
  const forked = [...central.values()].filter((r) => r.leaves !== 1 || r.conflicts > 0 || r.deleted);
  if (forked.length) {
    const e = forked
      .slice(0, 3)
      .map((r) => `${r.collection}:${r.id} (${r.leaves} leaves, ${r.conflicts} conflicts, deleted ${r.deleted})`);
    problems.push(`central CouchDB: ${forked.length} with conflicts or deleted, e.g. ${e.join('; ')}`);
  }
  return problems;
}
