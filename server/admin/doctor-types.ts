/**
 * What `doctor` observes of a server (plain data, gathered by doctor-probe.ts) and what it concludes (findings, made by
 * the pure functions of doctor-findings*.ts), so the conclusions are tested without a server; `finding` builds one.
 */
import type { DbScope } from '../../shared/couch/validate-doc-update';

/** How bad a finding is: any `error` means the app cannot work as it should (exit code 1). */
export type FindingLevel = 'error' | 'warning' | 'ok' | 'info';

/** One finding, in Ukrainian and English, with the command that fixes it where there is one. */
export interface Finding {
  level: FindingLevel;
  /** Stable, for scripts and tests: `cors-not-allowed`, `design-doc-outdated`, … */
  code: string;
  uk: string;
  en: string;
  fix?: string;
}

/** A finding; `fix` only when a command fixes it. */
export function finding(level: FindingLevel, code: string, uk: string, en: string, fix?: string): Finding {
  return fix === undefined ? { level, code, uk, en } : { level, code, uk, en, fix };
}

/** What the doctor was asked to check. */
export interface DoctorContext {
  /** The server's address without credentials, as the app is given it. */
  base: string;
  community: string;
  /** The council's web origins given with `--web-origin` (the desktop origin is always checked besides them). */
  webOrigins: readonly string[];
}

/** Whether the address answers HTTP at all. */
export type ReachObservation =
  | { kind: 'ok' }
  | { kind: 'unreachable'; reason: string }
  /** An `https:` address whose certificate Node (and so the app's browser engine) refuses. */
  | { kind: 'tls'; reason: string };

/** The root document (`GET /`). */
export interface RootObservation {
  status: number;
  kind: 'couchdb' | 'pouchdb-server' | null;
  version: string | null;
}

/** A browser's CORS preflight as the server answered it. */
export interface PreflightObservation {
  origin: string;
  /** What the preflight asked for. */
  method: string;
  requestHeaders: readonly string[];
  status: number | null;
  allowOrigin: string | null;
  allowCredentials: string | null;
  allowMethods: string | null;
}

/** Status codes of anonymous requests (no credentials). */
export interface AnonymousObservation {
  root: number | null;
  centralDb: number | null;
  allDbs: number | null;
  users: number | null;
}

/** Whether COUCHDB_URL's credentials are a server admin's. */
export type AdminObservation = { kind: 'ok' } | { kind: 'refused'; status: number } | { kind: 'not-admin'; name: string };

/** A sizeable JSON response asked with `Accept-Encoding: gzip`. */
export interface CompressionObservation {
  path: string;
  /** `Content-Encoding` of the answer, null when it came uncompressed. */
  encoding: string | null;
  /** Bytes of the body as they travelled. */
  wireBytes: number;
  /** Bytes of the JSON itself (after decompression). */
  plainBytes: number;
  /** What gzip makes of the JSON (measured here), for the comparison. */
  gzipBytes: number;
}

/** A CouchDB configuration: section → key → value. */
export type CouchConfig = Record<string, Record<string, string> | undefined>;

/** One node's configuration, or the status that refused it. */
export interface NodeConfigObservation {
  node: string;
  config: CouchConfig | null;
  status: number;
}

/** A village of the community's registry. */
export interface RegistryVillage {
  code: string;
  name: string;
}

/** A conflicted document: its id and the losing revisions CouchDB keeps beside the winner. */
export interface ConflictRow {
  id: string;
  revs: string[];
}

/** One database of the community. */
export interface DatabaseObservation {
  db: string;
  scope: DbScope;
  /** The village's registry entry, for a village database. */
  village?: RegistryVillage;
  exists: boolean;
  /** `_design/ov` as stored, without `_rev`; null when missing. */
  designDoc: Record<string, unknown> | null;
  /** `_security` as stored. */
  security: unknown;
  /** Whether `community:<code>` is there. */
  hasCommunityDoc: boolean;
  /** Rows of the `ov/conflicts` view; null when the view could not be read (design document missing or outdated). */
  conflicts: ConflictRow[] | null;
}

/** One `_replicator` job of a village as `_scheduler/docs` tells. */
export interface ReplicationObservation {
  village: RegistryVillage;
  id: string;
  direction: 'to-central' | 'to-village';
  /** `running`, `pending`, `crashing`, `failed`, `error`, `completed`, or `missing` (no job at all). */
  state: string;
  /** The job's figures; null until its first checkpoint (CouchDB 3.4.3 reports `info: null` until then). */
  info: { docWriteFailures: number | null; error: string | null } | null;
}

/** Everything the probe saw; a later part is absent when an earlier one made it pointless (nothing answers, …). */
export interface Observations {
  reach: ReachObservation;
  root: RootObservation | null;
  preflights: PreflightObservation[];
  anonymous: AnonymousObservation | null;
  admin: AdminObservation | null;
  compression: CompressionObservation | null;
  nodes: NodeConfigObservation[];
  /** Null when the registry could not be read (no central database, no admin). */
  villages: RegistryVillage[] | null;
  databases: DatabaseObservation[];
  replications: ReplicationObservation[];
}
