import { describe, expect, it } from 'vitest';
import { acceptRecord, type RecordKind } from '../../../shared/couch/accept-record';
import type { DbScope } from '../../../shared/couch/validate-doc-update';
import { a1Of, appealOf, eventOf } from './fixtures';

const VILLAGE: DbScope = { kind: 'village', community: 'hromada', code: 'hlb' };
const CENTRAL: DbScope = { kind: 'central', community: 'hromada' };

const file = (patch: Record<string, unknown> = {}) => ({
  id: 'F1',
  appealId: a1Of(),
  villageId: 'hlb',
  name: 'scan.pdf',
  mime: 'application/pdf',
  size: 1000,
  sha256: 'a'.repeat(64),
  addedAt: '2024-05-21T09:00:00.000Z',
  by: 'Оператор',
  role: 'starosta',
  chunkSize: 65536,
  chunkCount: 1,
  ...patch,
});

const withTopic = (code: string) => appealOf({ issues: [{ topicCode: code, text: 'Нове питання' }] });

const rows: { name: string; kind: RecordKind; doc: unknown; scope: DbScope; refused: RegExp | null }[] = [
  { name: 'a valid appeal on its village PC', kind: 'appeal', doc: appealOf(), scope: VILLAGE, refused: null },
  { name: 'a topic code 999 from a newer list', kind: 'appeal', doc: withTopic('999'), scope: VILLAGE, refused: null },
  { name: 'a topic code 999 on the council PC', kind: 'appeal', doc: withTopic('999'), scope: CENTRAL, refused: null },
  {
    name: 'an appeal of another village on a village PC',
    kind: 'appeal',
    doc: appealOf({ villageId: 'zar', regIndex: 'ZAR.1-Б-1' }),
    scope: VILLAGE,
    refused: /write to this database/,
  },
  {
    name: 'an appeal of another village on the council PC',
    kind: 'appeal',
    doc: appealOf({ villageId: 'zar', regIndex: 'ZAR.1-Б-1' }),
    scope: CENTRAL,
    refused: null,
  },
  {
    name: 'an appeal of an unknown role',
    kind: 'appeal',
    doc: appealOf({ registeredRole: 'mayor' as never }),
    scope: CENTRAL,
    refused: /Unknown role/,
  },
  {
    name: 'an appeal without its village',
    kind: 'appeal',
    doc: { ...appealOf(), villageId: undefined },
    scope: CENTRAL,
    refused: /village/,
  },
  { name: 'not a document', kind: 'appeal', doc: 'appeal', scope: CENTRAL, refused: /not a document/ },
  { name: "a starosta's comment", kind: 'event', doc: eventOf('comment', { role: 'starosta' }), scope: VILLAGE, refused: null },
  { name: "the council's answer on a village PC", kind: 'event', doc: eventOf('answered'), scope: VILLAGE, refused: null },
  {
    name: 'a starosta event of kind answered',
    kind: 'event',
    doc: eventOf('answered', { role: 'starosta' }),
    scope: VILLAGE,
    refused: /Only the council's central office records answered/,
  },
  {
    name: 'a starosta event of kind answered on the council PC',
    kind: 'event',
    doc: eventOf('answered', { role: 'starosta' }),
    scope: CENTRAL,
    refused: /Only the council's central office records answered/,
  },
  {
    name: 'a clerk event of a starosta-only kind',
    kind: 'event',
    doc: eventOf('not-considered', { role: 'clerk' }),
    scope: VILLAGE,
    refused: /clerk may not record not-considered/,
  },
  {
    name: 'an event of an unknown kind',
    kind: 'event',
    doc: eventOf('comment', { kind: 'vanished' } as never),
    scope: CENTRAL,
    refused: /Unknown event kind|kind/,
  },
  { name: 'file metadata of the village', kind: 'file', doc: file(), scope: VILLAGE, refused: null },
  {
    name: 'file metadata with its local bytes (RxDB fields are not the record)',
    kind: 'file',
    doc: file({ _attachments: { data: {} }, _meta: { lwt: 1 }, _rev: '1-a' }),
    scope: VILLAGE,
    refused: null,
  },
  {
    name: 'file metadata of another village',
    kind: 'file',
    doc: file({ villageId: 'zar' }),
    scope: VILLAGE,
    refused: /write to this database/,
  },
  { name: 'file metadata without its size', kind: 'file', doc: file({ size: 'big' }), scope: CENTRAL, refused: /size/ },
];

describe('acceptRecord: a record passes exactly when a legitimate writer could have written it here', () => {
  for (const row of rows) {
    it(row.name, () => {
      const reason = acceptRecord(row.doc, row.scope, row.kind);
      if (row.refused === null) expect(reason).toBeNull();
      else {
        expect(reason?.en).toMatch(row.refused);
        expect(reason?.uk).toBeTruthy();
        expect(reason?.uk).not.toBe(reason?.en);
      }
    });
  }
});
