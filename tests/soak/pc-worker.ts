/**
 * One PC of the soak (a village's or the council's) in a thread of its own: its RxDB database, the SyncController
 * that syncs it, and the user's actions (registering, recording events, closing and reopening the app, logging in).
 * A thread per PC because RxDB's free build allows 13 open collections per process and each app database has 5:
 * three PCs in one process would not open. Requests from the runner are done one after another, as one user would.
 */
import '../helpers/node-hooks.ts';
import { parentPort, workerData } from 'node:worker_threads';
import type { AppDatabase } from '../../renderer/data/database';
import type { SyncController as Controller } from '../../renderer/data/sync/sync-controller';
import type { PcRequest, PcSetup, RecordView } from './pc-protocol';

const { getRxStorageMemory } = await import('rxdb/plugins/storage-memory');
const { openDatabase } = await import('../../renderer/data/database');
const { testKey } = await import('../helpers/data/test-key');
const { SyncController } = await import('../../renderer/data/sync/sync-controller');
const { registerAppeal } = await import('../../renderer/data/appeals.repository');
const { recordEvent } = await import('../../renderer/data/events.repository');
const { loadSetAside } = await import('../../renderer/data/ingest/set-aside');
const { clientSetup } = await import('../helpers/sync/sync-clients.ts');
const { draftOf } = await import('../helpers/data/fixtures.ts');
const { contentOf } = await import('./content.ts');
const { prng } = await import('./prng.ts');

const port = parentPort;
if (!port) throw new Error('pc-worker runs as a worker thread');

// The controller warns on every failed request; under injected faults that is the point, not news. Counted, and the
// last few kept for a report.
let warnings = 0;
const lastWarnings: string[] = [];
const quiet = (...args: unknown[]) => {
  warnings++;
  lastWarnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  if (lastWarnings.length > 5) lastWarnings.shift();
};
if (!(workerData as { verbose?: boolean } | undefined)?.verbose) {
  console.warn = quiet;
  console.error = quiet;
}
process.on('unhandledRejection', (reason) => quiet('unhandled rejection', reason));

// The memory storage keeps a closed database's data in the storage object, so the app reopens on the same data as
// long as this one object is used again (a new getRxStorageMemory() would start empty).
const storage = getRxStorageMemory();
let setup: PcSetup;
let sync: ReturnType<typeof clientSetup>;
let db: AppDatabase;
let controller: Controller;
let password = '';

const SURNAMES = ['Мельник', 'Коваль', 'Шевченко', 'Бондар', 'Ткаченко', 'Кравець', 'Олійник', 'Гончар'];
let counter = 0;

function clockOf(offsetDays: number) {
  const now = new Date(Date.now() + offsetDays * 86_400_000);
  return { now, today: now.toISOString().slice(0, 10) as `${number}-${number}-${number}` };
}

function view(collection: 'appeals' | 'events', record: Record<string, unknown>): RecordView {
  return { collection, id: String(record.id), villageId: String(record.villageId), content: contentOf(record) };
}

async function open(): Promise<void> {
  db = await openDatabase({ name: setup.name, storage: storage as never, key: await testKey() });
  controller = new SyncController(db, sync.config, 'soak');
  controller.start({ kind: 'basic', username: setup.username, password });
}

async function register(appeals: number, eventsPer: number[], offsetDays: number): Promise<RecordView[]> {
  const clock = clockOf(offsetDays);
  const out: RecordView[] = [];
  for (let i = 0; i < appeals; i++) {
    counter++;
    const draft = draftOf({
      receivedOn: clock.today,
      surname: SURNAMES[counter % SURNAMES.length] ?? 'Мельник',
      address: `с. ${sync.profile.villageName}, вул. Садова, ${counter}`,
      issues: [{ topicCode: '090', text: `Не працює вуличне освітлення біля будинку ${counter}, просимо полагодити` }],
    });
    const registered = await registerAppeal(db, sync.profile, draft, clock);
    if (!registered.ok) throw new Error(`not registered: ${JSON.stringify(registered.problems)}`);
    out.push(view('appeals', registered.appeal as never));
    const kinds = [
      () => recordEvent(db, sync.profile, registered.appeal, 'forwarded', { note: 'Передано до ради' }, clock),
      () => recordEvent(db, sync.profile, registered.appeal, 'comment', { text: `Заявник телефонував ${counter}` }, clock),
    ];
    for (const record of kinds.slice(0, eventsPer[i] ?? 0)) {
      const recorded = await record();
      if (!recorded.ok) throw new Error(`event not recorded: ${JSON.stringify(recorded.problems)}`);
      out.push(view('events', recorded.event as never));
    }
  }
  return out;
}

/** The council's office acts on appeals it holds: a comment or an assignment each. */
async function comment(count: number, offsetDays: number, pickSeed: number): Promise<RecordView[]> {
  const clock = clockOf(offsetDays);
  const total = await db.appeals.count().exec();
  const rnd = prng(pickSeed);
  const out: RecordView[] = [];
  for (let i = 0; i < count && total > 0; i++) {
    const [doc] = await db.appeals.find({ selector: {}, skip: rnd.int(0, total - 1), limit: 1 }).exec();
    if (!doc) continue;
    counter++;
    const recorded = rnd.chance(0.5)
      ? await recordEvent(db, sync.profile, { id: doc.id }, 'comment', { text: `Рада: перевірено ${counter}` }, clock)
      : await recordEvent(
          db,
          sync.profile,
          { id: doc.id },
          'assigned',
          { executor: `Відділ ${counter}`, resolution: 'Розглянути', resolutionAuthor: 'Голова' },
          clock,
        );
    if (!recorded.ok) throw new Error(`council event not recorded: ${JSON.stringify(recorded.problems)}`);
    out.push(view('events', recorded.event as never));
  }
  return out;
}

async function counts() {
  const records = (await db.appeals.count().exec()) + (await db.events.count().exec());
  const waiting = await db.outbox.count({ selector: { state: 'waiting' } }).exec();
  return { records, waiting };
}

/** The app closed (mid-sync, whatever was in flight) and opened again on the same storage. */
async function restart() {
  const before = await counts();
  controller.dispose();
  await db.close();
  await open();
  const after = await counts();
  return { before: before.records, after: after.records, waitingBefore: before.waiting, waitingAfter: after.waiting };
}

async function snapshot() {
  const records: RecordView[] = [];
  for (const d of await db.appeals.find().exec()) records.push(view('appeals', d.toMutableJSON() as never));
  for (const d of await db.events.find().exec()) records.push(view('events', d.toMutableJSON() as never));
  const setAside = await loadSetAside(db);
  return {
    records,
    setAside: setAside.length,
    setAsideSample: setAside.slice(0, 3).map((e) => `${e.key} (${e.source}): ${e.reason.en}`),
    outboxWaiting: await db.outbox.count({ selector: { state: 'waiting' } }).exec(),
    outboxRejected: await db.outbox.count({ selector: { state: 'rejected' } }).exec(),
    status: controller.current,
  };
}

async function handle(request: PcRequest): Promise<unknown> {
  switch (request.op) {
    case 'init':
      setup = request.setup;
      password = setup.password;
      sync = clientSetup(setup.serverUrl, setup.username, setup.role, setup.villageId, setup.community);
      await open();
      return null;
    case 'register':
      return register(request.appeals, request.eventsPer, request.offsetDays);
    case 'comment':
      return comment(request.count, request.offsetDays, request.pickSeed);
    case 'restart':
      return restart();
    case 'login':
      // The user types the new password: the app logs in again with it.
      password = request.password;
      controller.start({ kind: 'basic', username: setup.username, password });
      return null;
    case 'syncNow':
      return controller.syncNow(request.timeoutMs);
    case 'status':
      return controller.current;
    case 'snapshot':
      return snapshot();
    case 'close':
      controller.dispose();
      await db.close();
      return { warnings, lastWarnings };
  }
}

// One request at a time, except status reads, which the runner makes while the PC is busy (waiting for a refusal).
let queue: Promise<unknown> = Promise.resolve();
port.on('message', (message: { id: number; request: PcRequest }) => {
  const run = () =>
    handle(message.request).then(
      (value) => port.postMessage({ id: message.id, ok: true, value }),
      (error: unknown) =>
        port.postMessage({
          id: message.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  if (message.request.op === 'status') void run();
  else queue = queue.then(run);
});
port.postMessage({ ready: true });
