/**
 * The storage instance that seals on the way in and opens on the way out. Reads come from RxDB's own
 * `wrapRxStorageInstance`. Writes and the change stream are ours: RxDB's wrapper makes every write wait until the
 * change events before it are converted, counting them in a counter its change streams share, and a stream that is
 * unsubscribed while one event is still converting (a replication stopped mid-write, then the database closed) never
 * counts it down, so every later write, and the database's close, waits forever. Here a stream gives back what it
 * still counts when it ends, and converts its events in order.
 */

import { type RxJsonSchema, type RxStorageInstance, wrapRxStorageInstance } from 'rxdb';
import { BehaviorSubject, filter, firstValueFrom, Observable } from 'rxjs';

type Doc = Record<string, unknown>;
type Convert = (doc: Doc) => Promise<Doc>;
type Instance = RxStorageInstance<Doc, unknown, unknown>;
type ChangeBulk = ReturnType<Instance['changeStream']> extends Observable<infer B> ? B : never;
type WriteResult = Awaited<ReturnType<Instance['bulkWrite']>>;
type WriteError = WriteResult['error'][number];

export function wrapSealed(
  schema: RxJsonSchema<unknown>,
  instance: Instance,
  toStorage: Convert,
  fromStorage: Convert,
): Instance {
  const wrapped = wrapRxStorageInstance(schema as never, instance as never, toStorage as never, fromStorage as never) as Instance;
  const open = (doc: Doc | undefined) => (doc ? fromStorage(doc) : Promise.resolve(doc));
  /** Change events received and not yet handed on, across every stream of this instance. */
  const converting = new BehaviorSubject(0);
  const add = (n: number) => converting.next(converting.getValue() + n);

  const openError = async (error: WriteError): Promise<WriteError> => ({
    ...error,
    ...('documentInDb' in error && error.documentInDb ? { documentInDb: (await open(error.documentInDb as Doc)) as never } : {}),
    writeRow: {
      ...error.writeRow,
      document: (await open(error.writeRow.document as Doc)) as never,
      ...(error.writeRow.previous ? { previous: (await open(error.writeRow.previous as Doc)) as never } : {}),
    },
  });

  wrapped.bulkWrite = async (writes, context) => {
    const rows = await Promise.all(
      writes.map(async (row) => ({
        document: await toStorage(row.document as Doc),
        ...(row.previous ? { previous: await toStorage(row.previous as Doc) } : {}),
      })),
    );
    const result = await instance.bulkWrite(rows as never, context);
    const error = await Promise.all(result.error.map(openError));
    // RxDB expects the change events of a write before the write resolves.
    await firstValueFrom(converting.pipe(filter((n) => n === 0)));
    return { error } as WriteResult;
  };

  const convertBulk = async (bulk: ChangeBulk): Promise<ChangeBulk> => ({
    ...bulk,
    events: await Promise.all(
      bulk.events.map(async (event) => ({
        ...event,
        documentData: (await open(event.documentData as Doc)) as never,
        previousDocumentData: (await open(event.previousDocumentData as Doc | undefined)) as never,
      })),
    ),
  });

  wrapped.changeStream = () =>
    new Observable<ChangeBulk>((subscriber) => {
      let pending = 0;
      let ended = false;
      let queue: Promise<void> = Promise.resolve();
      const done = () => {
        if (ended) return;
        pending -= 1;
        add(-1);
      };
      const source = instance.changeStream().subscribe({
        next: (bulk) => {
          pending += 1;
          add(1);
          queue = queue.then(() =>
            convertBulk(bulk).then(
              (converted) => {
                if (!ended) subscriber.next(converted);
                done();
              },
              (error: unknown) => {
                done();
                if (!ended) subscriber.error(error);
              },
            ),
          );
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => void queue.then(() => subscriber.complete()),
      });
      return () => {
        ended = true;
        source.unsubscribe();
        add(-pending);
        pending = 0;
      };
    });

  return wrapped;
}
