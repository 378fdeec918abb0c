/**
 * JSON schema of the village status document (`status:<code>`), in the same subset of JSON schema as the RxDB schemas so
 * the server's validate_doc_update checks it with the same walker. It is a server-side document (not an RxDB collection).
 */
export const STATUS_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['village-status'] },
    villageId: { type: 'string', maxLength: 20 },
    lastSyncAt: { type: ['string', 'null'], maxLength: 40 },
    pending: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    appVersion: { type: 'string', maxLength: 40 },
  },
  required: ['type', 'villageId', 'lastSyncAt', 'pending', 'appVersion'],
} as const;

/** JSON schema of a village's entry in the central registry (`village:<code>`, written by the admin command only). */
export const VILLAGE_REGISTRY_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['village'] },
    code: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 200 },
  },
  required: ['type', 'code', 'name'],
} as const;

/** JSON schema of the community's identity document (`community:<code>`, written by the admin command only). */
export const COMMUNITY_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['community'] },
    code: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 200 },
  },
  required: ['type', 'code', 'name'],
} as const;
