/**
 * RxDB JSON schema of the `appeals` collection (version 0). Plain data, no RxDB import, so the same schema can be the
 * source of CouchDB's validate_doc_update. Appeals are written once and never updated (docs/architecture.md, data model).
 */
const text = (maxLength: number) => ({ type: 'string', maxLength }) as const;
const date = { type: ['string', 'null'], maxLength: 10 } as const;

export const APPEAL_SCHEMA = {
  title: 'appeal',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: text(40),
    villageId: text(20),
    deviceTag: text(4),
    regIndex: text(60),
    regSeq: { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
    registeredAt: text(40),
    registeredBy: text(200),
    registeredRole: text(20),
    surname: text(1000),
    givenName: text(1000),
    patronymic: text(1000),
    collectiveName: text(1000),
    address: text(3000),
    phone: text(200),
    email: text(500),
    sex: text(20),
    subject: text(20),
    type: text(20),
    receiptForm: text(40),
    receiptSign: text(40),
    categories: { type: 'array', items: text(60) },
    socialStatus: text(60),
    letterDate: date,
    receivedOn: text(10),
    term: text(10),
    origin: {
      type: ['object', 'null'],
      properties: { body: text(1000), date, index: text(200) },
    },
    issues: {
      type: 'array',
      items: { type: 'object', properties: { topicCode: text(20), text: text(200_000) }, required: ['topicCode', 'text'] },
    },
    note: text(50_000),
  },
  required: ['id', 'villageId', 'deviceTag', 'regIndex', 'regSeq', 'registeredAt', 'receivedOn', 'issues'],
  // Local indexes only (they do not change the document): paging by id, and the last sequence of a workstation.
  indexes: ['id', ['villageId', 'deviceTag', 'regSeq']],
} as const;
