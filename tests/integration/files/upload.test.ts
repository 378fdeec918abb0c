import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerAppeal } from '../../../renderer/data/appeals.repository';
import { openFile } from '../../../renderer/data/files/open-file';
import { prepareFile, sha256Hex } from '../../../renderer/data/files/prepare-file';
import { storeFiles } from '../../../renderer/data/files.repository';
import { CouchClient } from '../../../renderer/data/sync/couch-client';
import { fetchFileBytes } from '../../../renderer/data/sync/file-fetch';
import { outboxRow } from '../../../renderer/data/sync/outbox';
import { fileDocId } from '../../../shared/couch/names';
import type { AttachedFile } from '../../../shared/domain/files/file.types';
import { eventually, http } from '../../helpers/couch/test-couch';
import { clockOn, draftOf } from '../../helpers/data/fixtures';
import { startFaultProxy } from '../../helpers/fault-proxy';
import { clientSetup, PASSWORD, provisionCommunity, startSync } from '../../helpers/sync/sync-clients';
import { useSyncSuite } from '../../helpers/sync/sync-suite';

/** A chosen file as the browser hands it over (a Blob with a name). */
const fileOf = (name: string, bytes: Uint8Array) => Object.assign(new Blob([bytes as Uint8Array<ArrayBuffer>]), { name });

/** 2 MB that look like a JPEG scan to the checks and do not compress (like real scan bytes). */
function scanBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(randomBytes(size));
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes;
}

/**
 * Attached files travel by the app's own upload queue (docs/architecture.md: RxDB's CouchDB replication carries no attachments):
 * chunk documents through a 256 kbit/s link with latency and cuts into the village database, on to ov_central by
 * the server's replicator, and fetched there on demand by the central office.
 */
describe('attached files over a weak link', () => {
  const suite = useSyncSuite();
  const { dbs, controllers, proxies } = suite;

  it('a 2 MB scan reaches the village database and the central one intact at 256 kbit/s with cuts, resuming where it stopped', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const village = clientSetup('', community.users.a, 'starosta', a, community.code);
    const dbA = await dbs.create('memory');
    const registered = await registerAppeal(dbA, village.profile, draftOf({ receivedOn: today }), clockOn(today));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const bytes = scanBytes(2 * 1024 * 1024);
    const prepared = await prepareFile(fileOf('scan.jpg', bytes), null);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const stored = await storeFiles(dbA, village.profile, registered.appeal, [prepared.file], new Date());
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    const [file] = stored.files as [AttachedFile];
    expect(file.chunkCount).toBe(32);

    // 256 kbit/s = 32,000 bytes/s, 150 ms each way, and one request in eight cut (half mid-request, half mid-answer).
    const proxy = await startFaultProxy(suite.couch.url, {
      seed: 7,
      settings: { latencyMs: 150, bytesPerSecond: 32_000, cutFraction: 0.125 },
    });
    proxies.push(proxy);
    const started = Date.now();
    const sync = startSync(dbA, { ...village.config, serverUrl: proxy.url });
    controllers.push(sync);
    // An outage in the middle of the file: every request fails for 6 s, then the link comes back.
    await eventually('a third of the file sent', async () => (sync.uploadStats.chunksSent >= 10 ? true : undefined), 120_000);
    proxy.set({ cutFraction: 1 });
    await new Promise((r) => setTimeout(r, 6_000));
    proxy.set({ cutFraction: 0.125 });
    sync.retryNow();
    await eventually(
      'the file sent',
      async () => ((await dbA.outbox.findOne(`files:${file.id}`).exec()) === null ? true : undefined),
      300_000,
    );
    const seconds = (Date.now() - started) / 1000;
    const { confirmed: _, ...stats } = sync.uploadStats;
    const wire = proxy.stats();
    // Requests whose chunk did not get written by them: cut on the way up, or written but the answer lost.
    const resent = stats.chunkAttempts - stats.chunksSent;
    const sentTwice = stats.chunkAttempts - file.chunkCount;
    console.log(
      `[files] 2 MB scan at 256 kbit/s, 150 ms latency, 1/8 of requests cut plus a 6 s outage: ${seconds.toFixed(1)} s; ` +
        `chunks written ${stats.chunksSent}, found on the server after a lost answer ${stats.chunksSkipped}, ` +
        `${stats.chunkAttempts} chunk requests for ${file.chunkCount} chunks (${sentTwice} chunks sent a second time); ` +
        `cuts ${wire.cutMidRequest} mid-request + ${wire.cutMidResponse} mid-answer; ` +
        `bytes up ${wire.toServer}`,
    );
    // Each chunk was written once (revision 1) and nothing else; a cut cost at most the one chunk in flight.
    const admin = suite.couch.admin;
    const chunks = await http<{ rows: { id: string; value: { rev: string } }[] }>(
      suite.couch.url,
      admin,
      'GET',
      `/${suite.couch.names.villageDb(a)}/_all_docs?startkey=${encodeURIComponent(JSON.stringify(`chunk:${file.id}:`))}&endkey=${encodeURIComponent(JSON.stringify(`chunk:${file.id}:\ufff0`))}`,
    );
    expect(chunks.body.rows).toHaveLength(file.chunkCount);
    expect(chunks.body.rows.every((r) => r.value.rev.startsWith('1-'))).toBe(true);
    expect(stats.chunksSent + stats.chunksSkipped).toBe(file.chunkCount);
    expect(resent).toBeLessThanOrEqual(wire.cutMidRequest + wire.cutMidResponse);
    // Gzip wins back base64's third: the bytes on the wire stay close to the file's size plus what cuts cost.
    expect(wire.toServer).toBeLessThan(bytes.byteLength * 1.15 + resent * 90_000);

    const adminUrl = suite.couch.url;
    const villageDoc = await http<AttachedFile>(
      adminUrl,
      admin,
      'GET',
      `/${suite.couch.names.villageDb(a)}/${encodeURIComponent(fileDocId(file.id))}`,
    );
    expect(villageDoc.status).toBe(200);
    // The server's replicator carries the metadata and the chunks into ov_central; the central user reads them there.
    await eventually('the file in the central database', async () => {
      const r = await http(adminUrl, admin, 'GET', `/${suite.couch.names.centralDb}/${encodeURIComponent(fileDocId(file.id))}`);
      return r.status === 200 ? true : undefined;
    });
    const centralClient = new CouchClient(suite.couch.url, {
      kind: 'basic',
      username: community.users.central,
      password: PASSWORD,
    });
    const atCentral = await eventually(
      'all chunks in the central database',
      async () => fetchFileBytes(centralClient, suite.couch.names.centralDb, file).catch(() => undefined),
      30_000,
    );
    expect(await sha256Hex(atCentral)).toBe(await sha256Hex(bytes));
  }, 400_000);

  it('the central office gets the metadata by sync and the bytes only when it opens the file', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const village = clientSetup(suite.couch.url, community.users.a, 'starosta', a, community.code);
    const central = clientSetup(suite.couch.url, community.users.central, 'central', 'central', community.code);
    const dbA = await dbs.create('memory');
    const dbC = await dbs.create('memory');
    const registered = await registerAppeal(dbA, village.profile, draftOf({ receivedOn: today }), clockOn(today));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const png = new Uint8Array(randomBytes(150_000));
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const prepared = await prepareFile(fileOf('photo.png', png), null);
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const stored = await storeFiles(dbA, village.profile, registered.appeal, [prepared.file], new Date());
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    const [file] = stored.files as [AttachedFile];
    controllers.push(startSync(dbA, village.config));
    const syncC = startSync(dbC, central.config);
    controllers.push(syncC);

    const seen = await eventually(
      'the file listed at the council',
      async () => (await dbC.files.findOne(file.id).exec()) ?? undefined,
      60_000,
    );
    // Only the metadata came: no bytes until someone opens it.
    expect(seen.getAttachment('data')).toBeNull();
    expect(seen.appealId).toBe(registered.appeal.id);
    // A file queued on a PC that holds only its metadata (a restored backup) is not sent again: the server has it.
    await dbC.outbox.insert(outboxRow('files', file.id, new Date().toISOString()));
    await eventually('the queued metadata-only file settled', async () =>
      (await dbC.outbox.findOne(`files:${file.id}`).exec()) === null ? true : undefined,
    );
    expect(syncC.uploadStats.chunkAttempts).toBe(0);
    const opened = await openFile(dbC, seen.toMutableJSON() as AttachedFile, syncC.fetchFile);
    if (!opened.ok) throw new Error(opened.message.en);
    expect(opened.fromServer).toBe(true);
    expect(await sha256Hex(new Uint8Array(await opened.blob.arrayBuffer()))).toBe(file.sha256);
    // Kept on this PC: the second opening needs no server.
    const again = await openFile(dbC, file, null);
    expect(again.ok && !again.fromServer).toBe(true);
  }, 120_000);

  it('a refused login stops the upload queue like the rest of sync, and the file keeps waiting', async () => {
    const community = await provisionCommunity(suite.couch);
    const [a] = community.villages;
    const today = new Date().toISOString().slice(0, 10);
    const village = clientSetup(suite.couch.url, community.users.a, 'starosta', a, community.code);
    const db = await dbs.create('memory');
    const registered = await registerAppeal(db, village.profile, draftOf({ receivedOn: today }), clockOn(today));
    if (!registered.ok) throw new Error(JSON.stringify(registered.problems));
    const prepared = await prepareFile(fileOf('scan.jpg', scanBytes(100_000)), null);
    if (!prepared.ok) throw new Error('not prepared');
    const stored = await storeFiles(db, village.profile, registered.appeal, [prepared.file], new Date());
    if (!stored.ok) throw new Error('not stored');
    const sync = startSync(db, village.config, 'a wrong password');
    controllers.push(sync);
    await eventually('sync stopped for a login', async () =>
      sync.current.failure?.kind === 'login' && !sync.current.isRunning ? true : undefined,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(sync.uploadStats.chunkAttempts).toBe(0);
    expect(sync.fetchFile).toBeNull();
    expect((await db.outbox.findOne(`files:${stored.files[0]?.id}`).exec())?.state).toBe('waiting');
  });

  it('a refused file stores nothing, and a 200 MB file is refused without being read', async () => {
    const db = await dbs.create('dexie');
    let wasRead = false;
    const huge = Object.assign(new Blob([]), { name: 'scan.jpg' });
    Object.defineProperty(huge, 'size', { value: 200 * 1024 * 1024 });
    huge.arrayBuffer = async () => {
      wasRead = true;
      return new ArrayBuffer(0);
    };
    const results = await Promise.all([
      prepareFile(huge, null),
      prepareFile(fileOf('scan.docx', scanBytes(100)), null),
      prepareFile(fileOf('empty.png', new Uint8Array(0)), null),
      prepareFile(fileOf('letter.pdf', new TextEncoder().encode('%PDF-1.7\nnot really a pdf at all')), null),
      prepareFile(fileOf('photo.png', scanBytes(100)), null),
    ]);
    expect(results.map((r) => (r.ok ? 'ok' : r.problems[0]?.code))).toEqual([
      'file-too-large',
      'file-type',
      'file-empty',
      'file-not-pdf',
      'file-content',
    ]);
    expect(wasRead).toBe(false);
    expect(await db.files.count().exec()).toBe(0);
    expect(await db.outbox.count().exec()).toBe(0);
  });
});
