/**
 * Generates the JavaScript source of CouchDB's `validate_doc_update` from the shared rules: the RxDB schemas (structure),
 * the permission matrix and the council's event kinds (roles), and the write-once data model (DESIGN.md).
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
import { COUNCIL_EVENT_KINDS, PERMISSIONS } from '../domain/permissions/permissions';
import { APPEAL_SCHEMA } from '../schema/appeal.schema';
import { EVENT_SCHEMA } from '../schema/event.schema';
import { CHUNK_SCHEMA, FILE_SCHEMA } from '../schema/file.schema';
import { CENTRAL_ROLE, ID_PREFIX, STAROSTA_ROLE, villageRole } from './names';
import { COMMUNITY_SCHEMA, STATUS_SCHEMA, VILLAGE_REGISTRY_SCHEMA } from './status.schema';

/** Which database a design document is for: the central one, or one village's. */
export type DbScope = { kind: 'central' } | { kind: 'village'; code: string };

/** Village codes as `isVillageCode` (shared/domain/indexes) accepts them; a test keeps the two in step. */
export const VILLAGE_CODE_PATTERN = '^[a-z][a-z0-9_]{1,19}$';

/** The rules, as plain data, that the generated function reads. */
export function validationConfig(scope: DbScope) {
  return {
    scope: scope.kind,
    code: scope.kind === 'village' ? scope.code : null,
    writerRoles: scope.kind === 'village' ? [villageRole(scope.code), CENTRAL_ROLE] : [CENTRAL_ROLE],
    centralRole: CENTRAL_ROLE,
    starostaRole: STAROSTA_ROLE,
    villageRolePrefix: villageRole(''),
    villageCodePattern: VILLAGE_CODE_PATTERN,
    prefixes: ID_PREFIX,
    eventKinds: EVENT_KINDS,
    councilKinds: COUNCIL_EVENT_KINDS,
    permissions: PERMISSIONS,
    schemas: {
      appeal: { properties: APPEAL_SCHEMA.properties, required: APPEAL_SCHEMA.required, type: 'object' },
      event: { properties: EVENT_SCHEMA.properties, required: EVENT_SCHEMA.required, type: 'object' },
      status: STATUS_SCHEMA,
      village: VILLAGE_REGISTRY_SCHEMA,
      community: COMMUNITY_SCHEMA,
      file: { properties: FILE_SCHEMA.properties, required: FILE_SCHEMA.required, type: 'object' },
      chunk: CHUNK_SCHEMA,
    },
  };
}

// The body below is ES5 on purpose (see the file comment). `C` is the config above.
const BODY = `
  function deny(uk, en) { throw({ forbidden: uk + ' / ' + en }); }
  function has(role) { return userCtx.roles.indexOf(role) !== -1; }
  function contains(list, value) { for (var i = 0; i < list.length; i++) { if (list[i] === value) return true; } return false; }
  function typeOk(value, type) {
    if (type === 'null') return value === null;
    if (type === 'array') return Object.prototype.toString.call(value) === '[object Array]';
    if (type === 'object') return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Array]';
    if (type === 'integer') return typeof value === 'number' && isFinite(value) && Math.floor(value) === value;
    if (type === 'number') return typeof value === 'number' && isFinite(value);
    return typeof value === type;
  }
  function codePoints(s) { return s.replace(/[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]/g, '_').length; }
  function check(value, schema, path) {
    var types = typeof schema.type === 'string' ? [schema.type] : (schema.type || []);
    var ok = types.length === 0, i, key;
    for (i = 0; i < types.length; i++) { if (typeOk(value, types[i])) ok = true; }
    if (!ok) return path + ': ' + types.join('|');
    if (schema['enum'] && !contains(schema['enum'], value)) return path + ': ' + schema['enum'].join('|');
    if (typeof value === 'string' && schema.maxLength !== undefined && codePoints(value) > schema.maxLength) return path + ': maxLength ' + schema.maxLength;
    if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) return path + ': minimum ' + schema.minimum;
    if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) return path + ': maximum ' + schema.maximum;
    if (typeOk(value, 'array') && schema.items) {
      for (i = 0; i < value.length; i++) { var p = check(value[i], schema.items, path + '.' + i); if (p) return p; }
    }
    if (typeOk(value, 'object')) {
      var required = schema.required || [];
      for (i = 0; i < required.length; i++) { if (value[required[i]] === undefined) return (path ? path + '.' : '') + required[i] + ': required'; }
      var props = schema.properties || {};
      for (key in props) {
        if (props.hasOwnProperty(key) && value[key] !== undefined) { var q = check(value[key], props[key], (path ? path + '.' : '') + key); if (q) return q; }
      }
    }
    return null;
  }
  function same(a, b, top) {
    if (a === b) return true;
    if (typeOk(a, 'array')) {
      if (!typeOk(b, 'array') || a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) { if (!same(a[i], b[i], false)) return false; }
      return true;
    }
    if (!typeOk(a, 'object') || !typeOk(b, 'object')) return false;
    var key;
    for (key in a) { if (a.hasOwnProperty(key) && !(top && key.charAt(0) === '_') && !same(a[key], b[key], false)) return false; }
    for (key in b) { if (b.hasOwnProperty(key) && !(top && key.charAt(0) === '_') && !a.hasOwnProperty(key)) return false; }
    return true;
  }

  var id = newDoc._id;
  // Design documents: CouchDB itself lets only admins write them.
  if (id.indexOf('_design/') === 0) return;
  var isAdmin = has('_admin');
  var kind = null, k;
  for (k in C.prefixes) { if (C.prefixes.hasOwnProperty(k) && id.indexOf(C.prefixes[k]) === 0) kind = k; }

  if (!isAdmin) {
    if (!userCtx.name) throw({ unauthorized: 'Потрібно увійти / Please log in' });
    var isWriter = false;
    for (var w = 0; w < C.writerRoles.length; w++) { if (has(C.writerRoles[w])) isWriter = true; }
    if (!isWriter) deny('Немає права писати в цю базу даних', 'No right to write to this database');
  }
  if (kind === null || (kind === 'village' && C.scope !== 'central')) {
    deny('Невідомий вид документа: ' + id, 'Unknown kind of document: ' + id);
  }

  if (newDoc._deleted) {
    if (kind === 'appeal' || kind === 'event' || kind === 'file' || kind === 'chunk') deny('Звернення і події не видаляють: це реєстр', 'Appeals and events are never deleted: this is a register');
    if (!isAdmin) deny('Видаляти може лише адміністратор сервера', 'Only a server admin may delete this document');
    return;
  }

  var problem = check(newDoc, C.schemas[kind], '');
  if (problem) deny('Неправильна структура документа (' + problem + ')', 'Invalid document structure (' + problem + ')');
  var key = (kind === 'village' || kind === 'community') ? newDoc.code : (kind === 'status' ? newDoc.villageId : (kind === 'chunk' ? newDoc.fileId + ':' + newDoc.n : newDoc.id));
  if (id !== C.prefixes[kind] + key) deny('Ідентифікатор документа не відповідає його полям', 'The document id does not match its fields');
  if (kind === 'community') {
    if (!new RegExp(C.villageCodePattern).test(newDoc.code)) deny('Неправильний код громади', 'Invalid community code');
    if (!isAdmin) deny('Код громади встановлює лише адміністратор', 'Only an admin sets the community code');
    return;
  }
  if (kind === 'village') {
    if (!new RegExp(C.villageCodePattern).test(newDoc.code)) deny('Неправильний код села', 'Invalid village code');
    if (!isAdmin) deny('Реєстр сіл змінює лише адміністратор', 'Only an admin changes the register of villages');
    return;
  }
  if (!new RegExp(C.villageCodePattern).test(newDoc.villageId)) deny('Неправильний код села: ' + newDoc.villageId, 'Invalid village code: ' + newDoc.villageId);
  if (C.scope === 'village' && newDoc.villageId !== C.code) {
    deny('Документ іншого села не можна записати в базу села ' + C.code, 'A document of another village cannot be written to the database of ' + C.code);
  }
  if (kind === 'event') {
    if (!contains(C.eventKinds, newDoc.kind)) deny('Невідомий вид події: ' + newDoc.kind, 'Unknown event kind: ' + newDoc.kind);
    if (newDoc.type !== undefined && newDoc.type !== 'event') deny('Поле type події має бути event', 'The type field of an event must be event');
  }
  // A chunk carries exactly one attachment, its bytes; a file's metadata carries none.
  if (kind === 'chunk' && !(newDoc._attachments && newDoc._attachments.data)) deny('Частина файла без даних', 'A file chunk without its data');
  if (kind === 'file' && newDoc._attachments) deny('Опис файла не містить вкладень', 'A file description carries no attachments');

  if (!isAdmin) {
    var isCentral = has(C.centralRole);
    if (kind === 'status') {
      if (!has(C.villageRolePrefix + newDoc.villageId)) deny('Стан села пишуть лише користувачі цього села', 'Only the users of the village write its status');
    } else if (kind === 'chunk') {
      if (!isCentral && !has(C.villageRolePrefix + newDoc.villageId)) deny('Село пише лише власні документи', 'A village writes only its own documents');
    } else {
      // Files and events name their author's role in \`role\`, appeals in \`registeredRole\`.
      var docRole = kind === 'appeal' ? newDoc.registeredRole : newDoc.role;
      // The council's staff may also carry records a village wrote (a transfer file from a village without signal,
      // imported at the council and pushed from there): they are the community's trusted office, members of every
      // database anyway. The matrix below still binds each record to its own role's kinds.
      var allowed = isCentral ? ['central', 'starosta', 'clerk'] : (has(C.starostaRole) ? ['starosta', 'clerk'] : ['clerk']);
      if (!isCentral && !has(C.villageRolePrefix + newDoc.villageId)) deny('Село пише лише власні документи', 'A village writes only its own documents');
      if (kind === 'event' && !isCentral && contains(C.councilKinds, newDoc.kind)) {
        deny('Подію «' + newDoc.kind + '» записує лише центральний офіс громади', 'Only the council\\'s central office records ' + newDoc.kind + ' events');
      }
      if (!contains(allowed, docRole)) deny('Роль у документі (' + docRole + ') не відповідає користувачу', 'The role in the document (' + docRole + ') does not match the user');
      if (kind === 'event' && !contains(C.permissions[docRole] || [], newDoc.kind)) {
        deny('Роль ' + docRole + ' не може записати подію ' + newDoc.kind, 'The role ' + docRole + ' may not record ' + newDoc.kind + ' events');
      }
    }
  }

  // Write-once: an appeal or an event never changes. The same content again (a replication of a copy, a retried push)
  // changes nothing and passes; any difference is refused, for admins too.
  var writeOnce = kind === 'appeal' || kind === 'event' || kind === 'file' || kind === 'chunk';
  if (oldDoc && !oldDoc._deleted && writeOnce && !same(oldDoc, newDoc, true)) {
    deny('Звернення і події записуються один раз і не змінюються', 'Appeals and events are written once and never changed');
  }
  // A chunk's bytes never change either; \`same\` skips \`_\` fields, so look at the attachment: new inline bytes
  // (pouchdb-server shows them as \`data\`) or another digest (CouchDB shows stubs with digests) are refused.
  var was = oldDoc && !oldDoc._deleted && kind === 'chunk' && oldDoc._attachments ? oldDoc._attachments.data : null;
  var now = kind === 'chunk' ? newDoc._attachments.data : null;
  if (was && (now.data !== undefined || (now.digest && was.digest && now.digest !== was.digest))) {
    deny('Частини файла записуються один раз і не змінюються', 'File chunks are written once and never changed');
  }
`;

/** The `validate_doc_update` function source for a database of the given scope (ES5). */
export function validateDocUpdateSource(scope: DbScope): string {
  return `function (newDoc, oldDoc, userCtx, secObj) {\n  var C = ${JSON.stringify(validationConfig(scope))};\n${BODY}}`;
}
