/**
 * The printed report: one table per server (payload and limits above, ratios and the issue's goals below), then the
 * first-sync figures. Figures, not pass/fail: the goals are evaluated as lines to read.
 */
import { APPEALS, kb, limitMs, ONE_WAY_MS, type Row, sec, times, VILLAGE_KBITS } from './common';
import type { FirstSync } from './first-sync';
import type { LinkTable } from './link-rows';

const rowTime = (r: Row) => (r.ms === null ? 'not finished' : sec(r.ms));
const bytesOf = (r: Row) => r.wire.toServer + r.wire.fromServer;

/** A goal line: `no cuts ≤ 10 s: 7.4 s — met`. */
function goal(what: string, value: string | null, met: boolean | null): string {
  if (value === null || met === null) return `  ${what}: no figure`;
  return `  ${what}: ${value} — ${met ? 'met' : 'NOT met'}`;
}

export function printLinkTable(title: string, t: LinkTable): void {
  const p = t.payload;
  const raw = limitMs(p.json, VILLAGE_KBITS);
  const gz = limitMs(p.gzip, VILLAGE_KBITS);
  console.log(`\n${title} — ${t.server}`);
  console.log(`link: ${VILLAGE_KBITS} kbit/s each way, ${ONE_WAY_MS} ms each way (${2 * ONE_WAY_MS} ms round trip)`);
  console.log(
    `payload: ${p.docs} documents (${APPEALS} appeals with two events each), ${kb(p.json)} KB as JSON, ${kb(p.gzip)} KB gzip`,
  );
  console.log(`limits at ${VILLAGE_KBITS} kbit/s: raw JSON ${sec(raw)}, gzip ${sec(gz)}\n`);
  const head = ['', 'pushed', 'time', 'KB up', 'KB down', 'requests', 'cuts', '× raw', '× gzip'];
  const lines = t.rows.map((r) => [
    r.label,
    r.pushedMs === null ? '–' : sec(r.pushedMs),
    rowTime(r),
    kb(r.wire.toServer),
    kb(r.wire.fromServer),
    String(r.wire.requests),
    String(r.wire.cutMidRequest + r.wire.cutMidResponse),
    r.ms === null ? '–' : times(r.ms / raw),
    r.ms === null ? '–' : times(r.ms / gz),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const format = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(format(head));
  for (const l of lines) console.log(format(l));
  console.log(
    'pushed: until all are in the village database; time: until all are in ov_central (our client: the push, then the\n' +
      "server's replication), or written in the scratch database (PouchDB.replicate); × raw, × gzip: time ÷ limit",
  );
  for (const r of t.rows) if (r.note) console.log(`  ${r.label}: ${r.note}`);
  const [plain, cut, , pouch] = t.rows;
  if (cut && cut.ms !== null && cut.wire.cutMidRequest + cut.wire.cutMidResponse === 0) {
    console.log(`  ${cut.label}: never cut, the whole sync moved ${kb(bytesOf(cut))} KB (BENCH_CUT_KB sets the mark)`);
  }

  const done = (r: Row | undefined): r is Row & { ms: number } => r?.ms !== null && r?.ms !== undefined;
  console.log('');
  if (done(plain) && done(pouch)) {
    console.log(
      `ours ÷ PouchDB: time ${(plain.ms / pouch.ms).toFixed(3)}, bytes ${(bytesOf(plain) / bytesOf(pouch)).toFixed(3)}`,
    );
  } else {
    console.log('ours ÷ PouchDB: no figure (a row did not finish)');
  }
  console.log(`goals (issue 10, for 1000 appeals${APPEALS === 1000 ? '' : `; this run has ${APPEALS}`}):`);
  console.log(goal('no cuts ≤ 10 s', done(plain) ? sec(plain.ms) : null, done(plain) ? plain.ms <= 10_000 : null));
  console.log(
    goal(
      `${(cut?.label ?? 'cut').replace('our client, ', '')} ≤ 20 s`,
      done(cut) ? sec(cut.ms) : null,
      done(cut) ? cut.ms <= 20_000 : null,
    ),
  );
  const faster = done(plain) && done(pouch) ? pouch.ms / plain.ms : null;
  console.log(
    goal("≥ 12× faster than PouchDB's replicate", faster === null ? null : times(faster), faster === null ? null : faster >= 12),
  );
  const ofRaw = done(plain) ? plain.ms / raw : null;
  console.log(goal('≤ 0.22× the raw limit', ofRaw === null ? null : times(ofRaw), ofRaw === null ? null : ofRaw <= 0.22));
}

export function printFirstSync(f: FirstSync): void {
  console.log(`\nFirst sync — ${f.server}`);
  for (const s of f.cases) {
    console.log(`\n${s.title}`);
    for (const line of s.lines) console.log(`  ${line}`);
  }
}
