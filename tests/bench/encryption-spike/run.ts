// Encryption-at-rest spike (docs/encryption-at-rest.md): `node tests/bench/encryption-spike/run.ts` builds the page,
// then in one Chromium run measures (a) per-document encryption, (b) start-up (index rebuild), (c) one write and
// (d) the unlock, at ENC_SIZES appeals (default 10,000 and 50,000), every variant interleaved with the baseline;
// finally it scans fresh profile folders for a distinctive surname. Prints Markdown tables. Figures, not pass/fail.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { build, preview } from 'vite';
import { launchWithProfile, newProfileDir, removeProfile } from '../../helpers/browser.ts';
import { summarize } from '../stats.ts';

const SIZES = (process.env.ENC_SIZES ?? '10000,50000').split(',').map(Number);
const STARTS = Number(process.env.ENC_STARTS ?? 5);
/** crypto-js costs ~1 ms per field and document: above this size its seeding alone would take many minutes. */
const CRYPTOJS_MAX = Number(process.env.ENC_CRYPTOJS_MAX ?? 10_000);
const WRITES = Number(process.env.ENC_WRITES ?? 30);
const MICRO_REPS = Number(process.env.ENC_MICRO_REPS ?? 10);
const UNLOCKS = Number(process.env.ENC_UNLOCKS ?? 5);
const config = fileURLToPath(new URL('./vite.config.ts', import.meta.url));

type Spike = Record<string, (...args: never[]) => unknown>;
const call = <T>(page: Page, name: string, ...args: unknown[]) =>
  page.evaluate(([n, a]) => (globalThis as unknown as { spike: Spike }).spike[n]?.(...(a as never[])), [
    name,
    args,
  ] as const) as Promise<T>;

const f = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const row = (label: string, values: number[], unit = 'ms') => {
  const s = summarize(values);
  return `| ${label} | ${f(s.median)} ${unit} | ${f(s.p95)} ${unit} | ${s.n} |`;
};
const HEAD = '| | median | p95 | n |\n|---|---:|---:|---:|';
const progress = (what: string) => process.stderr.write(`… ${what}\n`);
const add = (map: Record<string, number[]>, key: string, value: number) => {
  map[key] = [...(map[key] ?? []), value];
};
const rotate = <T>(list: T[], by: number) => list.map((_, i) => list[(i + by) % list.length] as T);

async function openPage(origin: string, profile: string) {
  const context = await launchWithProfile(profile);
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${origin}/tests/bench/encryption-spike/page/spike.html`);
  await page.waitForFunction(() => document.getElementById('state')?.textContent === 'ready');
  await call(page, 'init');
  return { context, page };
}

/** Every file of a folder, recursively. */
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    try {
      return statSync(p).isDirectory() ? files(p) : [p];
    } catch {
      return [];
    }
  });
}

async function main(): Promise<void> {
  progress('building the page');
  await build({ configFile: config, logLevel: 'warn' });
  const server = await preview({ configFile: config, preview: { host: '127.0.0.1', port: 0, open: false }, logLevel: 'warn' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  const origin = `http://127.0.0.1:${address.port}`;
  const profile = newProfileDir('ov-enc-');
  const { context, page } = await openPage(origin, profile);
  const out: string[] = [];
  try {
    out.push(`# Encryption-at-rest spike — Chromium ${context.browser()?.version() ?? ''}, ${new Date().toISOString()}`);

    progress('(d) unlock');
    const unlock: Record<string, number[]> = { pbkdf2: [], wrap: [], unwrap: [] };
    let wrappedBytes = 0;
    for (let i = 0; i < UNLOCKS; i++) {
      const u = await call<{ pbkdf2Ms: number; wrapMs: number; unwrapMs: number; wrappedBytes: number }>(page, 'unlock', 600_000);
      unlock.pbkdf2?.push(u.pbkdf2Ms);
      unlock.wrap?.push(u.wrapMs);
      unlock.unwrap?.push(u.unwrapMs);
      wrappedBytes = u.wrappedBytes;
    }
    out.push('', '## (d) Unlock', '', HEAD);
    out.push(row('PBKDF2-SHA256, 600,000 iterations → AES-KW key', unlock.pbkdf2 ?? []));
    out.push(row('AES-KW wrapKey of the 256-bit data key', unlock.wrap ?? []));
    out.push(row('AES-KW unwrapKey of the data key', unlock.unwrap ?? []));
    out.push('', `wrapped data key: ${wrappedBytes} bytes`);

    progress('(a) per-document cost');
    const micro: Record<string, number[]> = {};
    let sizes: Record<string, number> = {};
    for (let r = 0; r < MICRO_REPS; r++) {
      const m = await call<{ us: Record<string, number>; sizes: Record<string, number> }>(page, 'micro', 1000, r);
      for (const [k, v] of Object.entries(m.us)) add(micro, k, v);
      sizes = m.sizes;
    }
    out.push('', '## (a) Per document: one appeal’s personal fields (µs per document, batches of 1,000)', '', HEAD);
    for (const [k, v] of Object.entries(micro).sort(([a], [b]) => a.localeCompare(b))) out.push(row(k, v, 'µs'));
    out.push(
      '',
      `plaintext JSON ${sizes.plainBytes?.toFixed(0)} bytes; stored WebCrypto blob ${sizes.wcChars?.toFixed(0)} chars; ` +
        `crypto-js blob ${sizes.cjChars?.toFixed(0)} chars; crypto-js per field ${sizes.cjFieldChars?.toFixed(0)} chars`,
    );

    for (const size of SIZES) {
      await call(page, 'setTag', `n${size}`);
      progress(`seeding ${size}`);
      const dbVariants = size <= CRYPTOJS_MAX ? ['plain', 'webcrypto', 'cryptojs'] : ['plain', 'webcrypto'];
      const seed = await call<{ ms: Record<string, number> }>(page, 'seedTo', size, dbVariants);
      const snap = await call<{ ms: number; bytes: number }>(page, 'writeSnapshot');
      out.push('', `## ${size.toLocaleString('en')} appeals`, '');
      out.push(
        `seed (bulkInsert of appeals + rows, batches of 1,000): ${Object.entries(seed.ms)
          .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
          .join(', ')}; snapshot written in ${snap.ms.toFixed(0)} ms, ${(snap.bytes / 2 ** 20).toFixed(1)} MB`,
      );

      progress(`(b) start-up at ${size}`);
      const variants = [...dbVariants, 'snapshot'];
      const st: Record<string, number[]> = {};
      const push = (k: string, v: number) => add(st, k, v);
      for (let r = 0; r < STARTS; r++) {
        for (const v of rotate([...variants], r)) {
          if (v === 'snapshot') {
            const s = await call<{ readMs: number; decryptMs: number; parseMs: number; totalMs: number }>(
              page,
              'startupSnapshot',
            );
            push('snapshot total', s.totalMs);
            push('snapshot read', s.readMs);
            push('snapshot decrypt', s.decryptMs);
            push('snapshot parse+Map', s.parseMs);
          } else {
            const s = await call<{ openMs: number; firstPageMs: number; loadMs: number; totalMs: number }>(page, 'startup', v);
            push(`${v} open`, s.openMs);
            push(`${v} first page`, s.firstPageMs);
            push(`${v} load`, s.loadMs);
            push(`${v} total`, s.totalMs);
          }
        }
      }
      out.push('', `### (b) Start-up at ${size.toLocaleString('en')}: open, first 50 rows, whole index into memory`, '');
      out.push('| variant | open | first page (50) | whole index load | total | total p95 |', '|---|---:|---:|---:|---:|---:|');
      for (const v of dbVariants) {
        const m = (k: string) => f(summarize(st[`${v} ${k}`] ?? []).median);
        out.push(
          `| ${v === 'plain' ? 'plain (baseline)' : v} | ${m('open')} ms | ${m('first page')} ms | ${m('load')} ms | ${m('total')} ms | ${f(summarize(st[`${v} total`] ?? []).p95)} ms |`,
        );
      }
      const sm = (k: string) => f(summarize(st[`snapshot ${k}`] ?? []).median);
      out.push(
        `| snapshot (one AES-GCM blob) | read ${sm('read')} ms | — | decrypt ${sm('decrypt')} ms + parse/Map ${sm('parse+Map')} ms | ${sm('total')} ms | ${f(summarize(st['snapshot total'] ?? []).p95)} ms |`,
      );
      out.push('', `(medians of ${STARTS} fresh opens each, interleaved)`);

      progress(`(c) writes at ${size}`);
      await call(page, 'openWriters', dbVariants);
      const wr: Record<string, number[]> = {};
      for (let i = 0; i < WRITES; i++) {
        for (const v of rotate(dbVariants, i)) {
          add(wr, v, await call<number>(page, 'writeOne', v, size * 10 + i));
        }
      }
      await call(page, 'closeWriters');
      out.push('', `### (c) One appeal + its register row (two RxDB inserts) at ${size.toLocaleString('en')}`, '', HEAD);
      out.push(row('plain (baseline)', wr.plain ?? []));
      out.push(row('webcrypto wrapper', wr.webcrypto ?? []));
      if (wr.cryptojs) out.push(row('crypto-js plugin', wr.cryptojs));
      else out.push(`| crypto-js plugin | not run above ${CRYPTOJS_MAX.toLocaleString('en')} (ENC_CRYPTOJS_MAX) | | |`);

      progress(`migration at ${size}`);
      const mig = await call<{ ms: number; n: number; rows: number; readable: boolean }>(page, 'migrate', `n${size}`, 500);
      out.push(
        '',
        `### Schema migration v0 → v1 (plaintext → WebCrypto-sealed) of the ${size.toLocaleString('en')}-appeal plain database`,
        '',
        `${mig.n.toLocaleString('en')} appeals + ${mig.rows.toLocaleString('en')} register rows migrated in ${(mig.ms / 1000).toFixed(1)} s ` +
          `(RxDB migration-schema, batches of 500); documents read back: ${mig.readable}`,
      );
    }
  } finally {
    await context.close();
    removeProfile(profile);
  }

  progress('profile-folder scan');
  const SURNAME = 'Зюзькевичівна';
  out.push('', '## Profile-folder scan: 200 appeals, one with a distinctive surname, browser closed', '');
  out.push('| variant | files | UTF-8 hits | UTF-16LE hits | readable back |', '|---|---:|---:|---:|---|');
  const scans: [string, string, string][] = [
    ['plain', 'plain', ''],
    ['webcrypto', 'webcrypto', ''],
    ['cryptojs', 'cryptojs', ''],
    ['plain, then database removed', 'plain', 'remove'],
    ['plain, then migrated to webcrypto v1', 'plain', 'migrate'],
  ];
  for (const [v, variant, then] of scans) {
    const dir = newProfileDir('ov-enc-scan-');
    const opened = await openPage(origin, dir);
    const readable = await call<boolean>(opened.page, 'scanSeed', variant, SURNAME, then);
    await opened.context.close();
    const utf8 = Buffer.from(SURNAME, 'utf8');
    const utf16 = Buffer.from(SURNAME, 'utf16le');
    const all = files(dir);
    let h8 = 0;
    const h16: string[] = [];
    for (const file of all) {
      const bytes = readFileSync(file);
      if (bytes.includes(utf8)) h8++;
      if (bytes.includes(utf16)) h16.push(file.slice(dir.length + 1).replace(/^Default\/IndexedDB\//, ''));
    }
    out.push(`| ${v} | ${all.length} | ${h8} | ${h16.length} ${h16.length ? `(${h16.join(', ')})` : ''} | ${readable} |`);
    removeProfile(dir);
  }
  await server.close();
  console.log(out.join('\n'));
}

await main();
