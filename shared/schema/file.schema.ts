import { CHUNK_SIZE, FILE_MIMES, MAX_FILE_BYTES } from '../domain/files/file.types';

/**
 * RxDB JSON schema of the `files` collection (version 0): one write-once metadata document per attached file, with
 * the bytes kept on this PC as the RxDB attachment `data` (absent on a PC that has only seen the metadata). Synced as
 * `file:<id>` by the upload queue, after all its chunks; the server validates it with the same schema.
 */
export const FILE_SCHEMA = {
  title: 'attached file',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    appealId: { type: 'string', maxLength: 40 },
    villageId: { type: 'string', maxLength: 20 },
    name: { type: 'string', maxLength: 200 },
    mime: { type: 'string', enum: [...FILE_MIMES], maxLength: 30 },
    size: { type: 'integer', minimum: 1, maximum: MAX_FILE_BYTES },
    sha256: { type: 'string', maxLength: 64 },
    addedAt: { type: 'string', maxLength: 40 },
    by: { type: 'string', maxLength: 200 },
    role: { type: 'string', maxLength: 20 },
    chunkSize: { type: 'integer', minimum: 1024, maximum: CHUNK_SIZE },
    chunkCount: { type: 'integer', minimum: 1, maximum: Math.ceil(MAX_FILE_BYTES / 1024) },
  },
  required: ['id', 'appealId', 'villageId', 'name', 'mime', 'size', 'sha256', 'addedAt', 'by', 'role', 'chunkSize', 'chunkCount'],
  indexes: ['appealId'],
  attachments: {},
} as const;

/** JSON schema of a chunk document on the server (`chunk:<fileId>:<n>`, never an RxDB collection). */
export const CHUNK_SCHEMA = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['chunk'] },
    fileId: { type: 'string', maxLength: 40 },
    villageId: { type: 'string', maxLength: 20 },
    n: { type: 'integer', minimum: 0, maximum: Math.ceil(MAX_FILE_BYTES / 1024) },
    _attachments: { type: 'object' },
  },
  required: ['type', 'fileId', 'villageId', 'n', '_attachments'],
} as const;
