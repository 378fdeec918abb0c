/** RxDB JSON schema of the `events` collection (version 0): one immutable document per thing that happened to an appeal. */
export const EVENT_SCHEMA = {
  title: 'appeal event',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    appealId: { type: 'string', maxLength: 40 },
    villageId: { type: 'string', maxLength: 20 },
    kind: { type: 'string', maxLength: 30 },
    at: { type: 'string', maxLength: 40 },
    by: { type: 'string', maxLength: 200 },
    role: { type: 'string', maxLength: 20 },
    payload: { type: 'object' },
  },
  required: ['id', 'appealId', 'villageId', 'kind', 'at', 'by', 'role', 'payload'],
  indexes: ['appealId'],
} as const;
