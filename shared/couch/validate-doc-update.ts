/**
 * Generates the JavaScript source of CouchDB's `validate_doc_update` from the shared rules: the RxDB schemas (structure),
 * the permission matrix and the council's event kinds (roles), and the write-once data model (docs/architecture.md).
 *
 * CouchDB runs it in its own JS engine (SpiderMonkey or QuickJS, depending on the build), so the source is ES5: no arrow
 * functions, no let/const, no template literals. The rules travel into it as JSON, never as code, so a change of the
 * matrix or a schema changes the design document and the admin command's `setup`/`add-village` installs it again.
 *
 * Trust: a central user may write records authored by a village role (`registeredRole`/`role` starosta or clerk), so
 * that records brought from a village on a USB stick (a transfer file, issue 4) reach the server from the council's PC;
 * a village user still writes only its own village's records under its own role.
 *
 * Server admins (the replicator runs as one) skip the role checks but not the structure, scope and write-once checks:
 * a replication must never carry a malformed, foreign or changed record into a database.
 */
import { EVENT_KINDS } from '../domain/events/event.types';
import { COLLECTIVE_LETTER, UNSIGNED_LETTER } from '../domain/indexes/reg-index';
import { COUNCIL_EVENT_KINDS, PERMISSIONS } from '../domain/permissions/permissions';
import { APPEAL_SCHEMA } from '../schema/appeal.schema';
import { EVENT_SCHEMA } from '../schema/event.schema';
import { CHUNK_SCHEMA, FILE_SCHEMA } from '../schema/file.schema';
import { CODE_PATTERN, communityNames, ID_PREFIX } from './names';
import { RECORD_REVISION } from './record-revision';
import { checkRecord } from './record-rules';
import { COMMUNITY_SCHEMA, STATUS_SCHEMA, VILLAGE_REGISTRY_SCHEMA } from './status.schema';

/** Which database of which community a design document is for: the central one, or one village's. */
export type DbScope = { kind: 'central'; community: string } | { kind: 'village'; community: string; code: string };

/** Village codes as `isVillageCode` (shared/domain/indexes) accepts them; a test keeps the two in step. */
export const VILLAGE_CODE_PATTERN = CODE_PATTERN;

/**
 * What follows `<VILLAGE>.` in an appeal's registration index (`formatRegIndex` in shared/domain/indexes/reg-index.ts):
 * the workstation 1–99, `КО`, `БП` or one letter, the sequence number. ES5, so no `u` flag and no `\p{L}`: "one letter"
 * is an ASCII letter, any one character from U+00AA up, or one surrogate pair: looser than the app, never stricter
 * (a test formats indexes with every kind of letter and feeds them through the generated function).
 */
export const REG_INDEX_REST_PATTERN = `^[1-9][0-9]?-(${COLLECTIVE_LETTER}|${UNSIGNED_LETTER}|[A-Za-z\\u00AA-\\uFFFF]|[\\uD800-\\uDBFF][\\uDC00-\\uDFFF])-[1-9][0-9]{0,15}$`;

/**
 * `pc`: a field records carry on the server only, the random id of the app database that pushed them, so that the
 * pull of that PC can leave out what it wrote itself (renderer/data/sync/pull-filter.ts). Not part of the record.
 */
const PC_FIELD = { type: 'string', maxLength: 40 } as const;

/** The rules, as plain data, that the generated function reads. */
export function validationConfig(scope: DbScope) {
  const names = communityNames(scope.community);
  return {
    scope: scope.kind,
    code: scope.kind === 'village' ? scope.code : null,
    writerRoles: scope.kind === 'village' ? [names.villageRole(scope.code), names.centralRole] : [names.centralRole],
    centralRole: names.centralRole,
    starostaRole: names.starostaRole,
    villageRolePrefix: names.villageRolePrefix,
    villageCodePattern: VILLAGE_CODE_PATTERN,
    regIndexRest: REG_INDEX_REST_PATTERN,
    prefixes: ID_PREFIX,
    recordRevision: RECORD_REVISION,
    eventKinds: EVENT_KINDS,
    councilKinds: COUNCIL_EVENT_KINDS,
    permissions: PERMISSIONS,
    schemas: {
      appeal: { properties: { ...APPEAL_SCHEMA.properties, pc: PC_FIELD }, required: APPEAL_SCHEMA.required, type: 'object' },
      event: { properties: { ...EVENT_SCHEMA.properties, pc: PC_FIELD }, required: EVENT_SCHEMA.required, type: 'object' },
      status: STATUS_SCHEMA,
      village: VILLAGE_REGISTRY_SCHEMA,
      community: COMMUNITY_SCHEMA,
      file: { properties: { ...FILE_SCHEMA.properties, pc: PC_FIELD }, required: FILE_SCHEMA.required, type: 'object' },
      chunk: CHUNK_SCHEMA,
    },
  };
}

/**
 * The `validate_doc_update` function source for a database of the given scope (ES5): the shared `checkRecord`, by its
 * own text, with the rules of this scope as data.
 */
export function validateDocUpdateSource(scope: DbScope): string {
  const config = JSON.stringify(validationConfig(scope));
  return `function (newDoc, oldDoc, userCtx, secObj) {\n  var C = ${config};\n  (${checkRecord.toString()})(newDoc, oldDoc, userCtx, C);\n}`;
}
