/**
 * The rules every Open Village record must pass, wherever it comes from, in ONE function: CouchDB runs it as
 * `validate_doc_update` (its source there is this function's own text, see validate-doc-update.ts), and the app runs it
 * before anything enters its local database (renderer/data/ingest/). So the server and every PC accept exactly the
 * same records: structure from the RxDB schemas (and an appeal's index in its own village), scope, roles and the
 * permission matrix, write-once.
 *
 * ES5 on purpose: CouchDB's JS engine (QuickJS or SpiderMonkey) runs the text as it stands, so no arrow functions,
 * let/const, template literals or classes; the types below are erased by the compiler, and a test parses the generated
 * source as ES5. Refusals are thrown the way CouchDB expects them: `{forbidden: "<uk> / <en>"}` or `{unauthorized}`.
 * Inside, nothing may refer to anything outside the function: the rules arrive as the plain data `C`
 * (`validationConfig` in validate-doc-update.ts).
 */
export function checkRecord(newDoc: any, oldDoc: any, userCtx: any, C: any): void {
  function deny(uk: any, en: any) { throw({ forbidden: uk + ' / ' + en }); }
  function has(role: any) { return userCtx.roles.indexOf(role) !== -1; }
  function contains(list: any, value: any) { for (var i = 0; i < list.length; i++) { if (list[i] === value) return true; } return false; }
  function typeOk(value: any, type: any) {
    if (type === 'null') return value === null;
    if (type === 'array') return Object.prototype.toString.call(value) === '[object Array]';
    if (type === 'object') return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) !== '[object Array]';
    if (type === 'integer') return typeof value === 'number' && isFinite(value) && Math.floor(value) === value;
    if (type === 'number') return typeof value === 'number' && isFinite(value);
    return typeof value === type;
  }
  // FNV-1a 32-bit of a village code (ASCII), base 36, padded to 7: villageTag in shared/domain/indexes/appeal-id.ts.
  function villageTag(code: any) {
    var h = 0x811c9dc5;
    for (var i = 0; i < code.length; i++) {
      h ^= code.charCodeAt(i);
      h = (h + (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24)) >>> 0;
    }
    var t = h.toString(36);
    while (t.length < 7) t = '0' + t;
    return t;
  }
  function codePoints(s: any) { return s.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '_').length; }
  function check(value: any, schema: any, path: any): any {
    var types = typeof schema.type === 'string' ? [schema.type] : (schema.type || []);
    var ok = types.length === 0, i, key;
    for (i = 0; i < types.length; i++) { if (typeOk(value, types[i])) ok = true; }
    if (!ok) return path + ': ' + types.join('|');
    if (schema['enum'] && !contains(schema['enum'], value)) return path + ': ' + schema['enum'].join('|');
    if (typeof value === 'string' && schema.maxLength !== undefined && codePoints(value) > schema.maxLength) return path + ': maxLength ' + schema.maxLength;
    if (typeof value === 'number' && schema.minimum !== undefined && value < schema.minimum) return path + ': minimum ' + schema.minimum;
    if (typeof value === 'number' && schema.maximum !== undefined && value > schema.maximum) return path + ': maximum ' + schema.maximum;
    if (typeOk(value, 'array') && schema.items) {
      for (i = 0; i < value.length; i++) { var p: any = check(value[i], schema.items, path + '.' + i); if (p) return p; }
    }
    if (typeOk(value, 'object')) {
      var required = schema.required || [];
      for (i = 0; i < required.length; i++) { if (value[required[i]] === undefined) return (path ? path + '.' : '') + required[i] + ': required'; }
      var props = schema.properties || {};
      for (key in props) {
        if (props.hasOwnProperty(key) && value[key] !== undefined) { var q: any = check(value[key], props[key], (path ? path + '.' : '') + key); if (q) return q; }
      }
    }
    return null;
  }
  function same(a: any, b: any, top: any) {
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
  var kind: any = null, k;
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
  // An appeal id carries its village: `<ULID>-<tag>`, the tag FNV-1a 32-bit of the village code in base 36, padded to
  // 7 (appealIdFor in shared/domain/indexes/appeal-id.ts). An appeal's id, and an event's or file's appealId, must be
  // `<ULID>-<tag of the record's villageId>`: an event or file of village A naming village B's appeal is refused here,
  // from the document alone (the council's events carry the village of their appeal). Structure, so for the admin too.
  if (kind === 'appeal' || kind === 'event' || kind === 'file') {
    var tag = villageTag(newDoc.villageId);
    var appealId = kind === 'appeal' ? newDoc.id : newDoc.appealId;
    if (!/^[0-9A-HJKMNP-TV-Z]{26}-[0-9a-z]{7}$/.test(appealId) || appealId.substring(27) !== tag) {
      deny('Ідентифікатор звернення ' + appealId + ' не належить селу ' + newDoc.villageId + ': він має закінчуватися на -' + tag,
        'The appeal id ' + appealId + ' does not belong to the village ' + newDoc.villageId + ': it must end with -' + tag);
    }
  }
  if (kind === 'appeal') {
    // The registration index names its own village (`HLYBOKE.1-Б-17`, indexPrefix in shared/domain/indexes/reg-index.ts;
    // the council's own appeals `CENTRAL.`): an appeal filed under another village's index would take that village's
    // number in the paper file and the reports. Structure, so for the admin too; the rest of the index only as loosely
    // as the app generates it (C.regIndexRest).
    var ownPrefix = newDoc.villageId.toUpperCase() + '.';
    if (newDoc.regIndex.indexOf(ownPrefix) !== 0) {
      deny('Реєстраційний індекс ' + newDoc.regIndex + ' не належить селу ' + newDoc.villageId + ': він має починатися з ' + ownPrefix,
        'The registration index ' + newDoc.regIndex + ' does not belong to the village ' + newDoc.villageId + ': it must start with ' + ownPrefix);
    }
    if (!new RegExp(C.regIndexRest).test(newDoc.regIndex.substring(ownPrefix.length))) {
      deny('Неправильний реєстраційний індекс ' + newDoc.regIndex + ' (має бути ' + ownPrefix + '<робоче місце>-<літера>-<номер>)',
        'Invalid registration index ' + newDoc.regIndex + ' (expected ' + ownPrefix + '<workstation>-<letter>-<number>)');
    }
  }
  if (kind === 'event') {
    if (!contains(C.eventKinds, newDoc.kind)) deny('Невідомий вид події: ' + newDoc.kind, 'Unknown event kind: ' + newDoc.kind);
    if (newDoc.type !== undefined && newDoc.type !== 'event') deny('Поле type події має бути event', 'The type field of an event must be event');
  }
  // Attachments: a chunk carries exactly one, its bytes `data`; no other document carries any (an `x.html` added to
  // an appeal would be served by the server under the council's origin).
  var att = newDoc._attachments, name;
  if (kind === 'chunk') {
    if (!(att && att.data)) deny('Частина файла без даних', 'A file chunk without its data');
    for (name in att) { if (att.hasOwnProperty(name) && name !== 'data') deny('Частина файла має лише одне вкладення data', 'A file chunk carries only its data attachment'); }
  } else if (att) {
    for (name in att) { if (att.hasOwnProperty(name)) deny('Цей документ не містить вкладень', 'This document carries no attachments'); }
  }

  if (!isAdmin) {
    var isCentral = has(C.centralRole);
    if (kind === 'status') {
      if (!has(C.villageRolePrefix + newDoc.villageId)) deny('Стан села пишуть лише користувачі цього села', 'Only the users of the village write its status');
    } else if (kind === 'chunk') {
      if (!isCentral && !has(C.villageRolePrefix + newDoc.villageId)) deny('Село пише лише власні документи', 'A village writes only its own documents');
    } else {
      // Files and events name their author's role in `role`, appeals in `registeredRole`.
      var docRole = kind === 'appeal' ? newDoc.registeredRole : newDoc.role;
      // The council's staff may also carry records a village wrote (a transfer file from a village without signal,
      // imported at the council and pushed from there): they are the community's trusted office, members of every
      // database anyway. The matrix below still binds each record to its own role's kinds.
      var allowed = isCentral ? ['central', 'starosta', 'clerk'] : (has(C.starostaRole) ? ['starosta', 'clerk'] : ['clerk']);
      if (!isCentral && !has(C.villageRolePrefix + newDoc.villageId)) deny('Село пише лише власні документи', 'A village writes only its own documents');
      if (kind === 'event' && !isCentral && contains(C.councilKinds, newDoc.kind)) {
        deny('Подію «' + newDoc.kind + '» записує лише центральний офіс громади', 'Only the council\'s central office records ' + newDoc.kind + ' events');
      }
      if (!contains(allowed, docRole)) deny('Роль у документі (' + docRole + ') не відповідає користувачу', 'The role in the document (' + docRole + ') does not match the user');
      if (kind === 'event' && !contains(C.permissions[docRole] || [], newDoc.kind)) {
        deny('Роль ' + docRole + ' не може записати подію ' + newDoc.kind, 'The role ' + docRole + ' may not record ' + newDoc.kind + ' events');
      }
    }
  }

  // Write-once: an appeal, event, file or chunk is created once and never changes.
  var writeOnce = kind === 'appeal' || kind === 'event' || kind === 'file' || kind === 'chunk';
  if (writeOnce && !isAdmin) {
    // A user never changes a stored record: an update of the stored revision reaches this function with oldDoc set
    // (a new chunk attachment even as a stub without a digest), and is refused.
    if (oldDoc && !oldDoc._deleted) {
      deny('Звернення, події і файли записуються один раз і не змінюються', 'Appeals, events and files are written once and never changed');
    }
    if (kind === 'chunk') {
      // A chunk is created only as a new document (no revision of its own): a branch grafted beside a stored one by
      // `_bulk_docs` with `new_edits: false` reaches this function with oldDoc = null, so that path stays closed.
      // The same chunk sent again never gets here: CouchDB answers 409 before validating.
      if (newDoc._rev) deny('Частини файла записуються один раз і не змінюються', 'File chunks are written once and never changed');
    } else if (newDoc._rev !== C.recordRevision) {
      // An appeal, event or file is written only with `new_edits: false` and the one revision every record has
      // (record-revision.ts): the same revision sent again is ignored by CouchDB, any other is refused here, so no
      // second version of a record can exist beside the first, whatever oldDoc CouchDB passes.
      deny('Запис має надходити з ревізією ' + C.recordRevision + ': звернення, події і файли записуються один раз і не змінюються',
        'The record must come with the revision ' + C.recordRevision + ': appeals, events and files are written once and never changed');
    }
  }
  // Server admins (the replicator): the same content again (a copy of a copy) passes, any difference is refused.
  if (writeOnce && isAdmin && oldDoc && !oldDoc._deleted && !same(oldDoc, newDoc, true)) {
    deny('Звернення і події записуються один раз і не змінюються', 'Appeals and events are written once and never changed');
  }
  var was = isAdmin && oldDoc && !oldDoc._deleted && kind === 'chunk' && oldDoc._attachments ? oldDoc._attachments.data : null;
  var now = kind === 'chunk' ? newDoc._attachments.data : null;
  if (was && (now.data !== undefined || !now.digest || now.digest !== was.digest)) {
    deny('Частини файла записуються один раз і не змінюються', 'File chunks are written once and never changed');
  }
}
