/**
 * The design document every Open Village database carries (`_design/ov`): validation, the replication filters, a
 * view that counts documents by kind for the admin `status` and one of conflicted documents for `doctor`. Filters and
 * views are ES5 source, like the validation.
 */
import { communityNames, DESIGN_DOC_ID } from './names';
import { type DbScope, validateDocUpdateSource } from './validate-doc-update';

/** A design document as stored (without `_rev`). */
export interface OvDesignDoc {
  _id: string;
  language: 'javascript';
  validate_doc_update: string;
  filters: Record<string, string>;
  views: Record<string, { map: string; reduce?: string }>;
}

/** Filter name of the village → central replication (lives in the village database, the source). */
export const TO_CENTRAL_FILTER = 'ov/to_central';
/** Filter name of the central → village replication (lives in the central database); `query_params: {villageId}`. */
export const TO_VILLAGE_FILTER = 'ov/to_village';
/** View that counts documents by their `_id` prefix (`appeal`, `event`, `status`, `village`); query with `group=true`. */
export const COUNTS_VIEW = 'ov/counts';
/** View of every conflicted document: key its `_id`, value its losing revisions. */
export const CONFLICTS_VIEW = 'ov/conflicts';

// Design documents never travel between databases: a village's validation copied into the central database would
// reject the other villages' documents there (docs/couchdb.md).
const NOT_DESIGN = "doc._id.indexOf('_design/') !== 0";

// The community document is written into every database by the admin command: replicating it would only make
// conflicting copies of the same fields.
const NOT_COMMUNITY = "doc._id.indexOf('community:') !== 0";

const FILTERS = {
  to_central: `function (doc) { return ${NOT_DESIGN} && ${NOT_COMMUNITY}; }`,
  to_village: `function (doc, req) { return ${NOT_DESIGN} && typeof doc.villageId === 'string' && doc.villageId === req.query.villageId; }`,
};

const COUNTS = {
  map: "function (doc) { var i = doc._id.indexOf(':'); if (i > 0) { emit(doc._id.substring(0, i), null); } }",
  reduce: '_count',
};

// Every document with losing revisions, by `_id`: appeals, events and files are written once, so a conflict on one is a
// second branch someone forged (`_bulk_docs` with `new_edits: false`) or a copy that was changed; `doctor` reports them.
const CONFLICTS = {
  map: 'function (doc) { if (doc._conflicts) emit(doc._id, doc._conflicts); }',
};

/** The design document of a database of this scope. */
export function designDoc(scope: DbScope): OvDesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: validateDocUpdateSource(scope),
    filters: scope.kind === 'central' ? { to_village: FILTERS.to_village } : { to_central: FILTERS.to_central },
    views: { counts: COUNTS, conflicts: CONFLICTS },
  };
}

/**
 * The `_security` of a database of this scope: members are the council's role, and in a village's database that
 * village's role too. No database admins beyond the server admins: only the admin command changes design documents.
 */
export function securityFor(scope: DbScope) {
  const names = communityNames(scope.community);
  const roles = scope.kind === 'central' ? [names.centralRole] : [names.villageRole(scope.code), names.centralRole];
  return { admins: { names: [] as string[], roles: [] as string[] }, members: { names: [] as string[], roles } };
}
