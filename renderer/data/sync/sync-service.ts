import { BehaviorSubject, type Observable, of, switchMap } from 'rxjs';
import { ID_PREFIX } from '../../../shared/couch/names';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';
import type { LocalizedText } from '../../../shared/lib/i18n-text';
import { onOnline, reloadPage, sessionValue, setSessionValue } from '../../platform/page';
import { platform } from '../../platform/platform';
import type { AppDatabase } from '../database';
import type { Profile } from '../profile.repository';
import { type CouchAuth, CouchClient } from './couch-client';
import { identityFromRoles } from './identity';
import { databaseFor, loadSyncConfig, type SyncConfig, saveSyncConfig } from './sync-config';
import { SyncController } from './sync-controller';
import { classifyError } from './sync-failure';
import { INITIAL_STATUS, type SyncReport, type SyncStatus } from './sync-status';

export interface LoginInput {
  serverUrl: string;
  username: string;
  password: string;
}

/** A successful login also says which community the server serves, when its admin set one (`setup --community`). */
export type LoginResult = { ok: true; config: SyncConfig; communityCode?: string } | { ok: false; message: LocalizedText };

const MESSAGES = {
  badUrl: {
    uk: 'Адреса сервера має починатися з http:// або https://',
    en: 'The server address must start with http:// or https://',
  },
  wrongPassword: { uk: 'Невірне ім’я користувача або пароль', en: 'Wrong user name or password' },
  offline: {
    uk: 'Сервер ради недоступний: перевірте адресу і зв’язок',
    en: 'The council server cannot be reached: check the address and the connection',
  },
  notCouch: {
    uk: 'За цією адресою не сервер бази даних ради (CouchDB)',
    en: 'This address is not the council database server (CouchDB)',
  },
  noRole: { uk: 'Цей обліковий запис не має ролі у «Відкритому селі»', en: 'This account has no Open Village role' },
  noSecureStore: {
    uk: 'На цьому комп’ютері немає захищеного сховища паролів: пароль доведеться вводити після кожного запуску',
    en: 'This PC has no secure password store: the password will have to be entered after each start',
  },
  reloading: { uk: 'Підключення до нового сервера…', en: 'Connecting to the new server…' },
  otherVillage: {
    uk: 'Цей комп’ютер налаштовано для іншого села або ролі: увійдіть обліковим записом свого села',
    en: 'This PC is set up for another village or role: log in with your own village account',
  },
} satisfies Record<string, LocalizedText>;

const RESUME_KEY = 'ov.resume-login';

/** Owns the sync controller of this PC: logs in, remembers where to sync, and restarts sync at start-up. */
export class SyncService {
  private readonly db: AppDatabase;
  private readonly appVersion: string;
  private readonly controller$ = new BehaviorSubject<SyncController | null>(null);
  config: SyncConfig | null = null;
  readonly status$: Observable<SyncStatus> = this.controller$.pipe(switchMap((c) => (c ? c.status$ : of(INITIAL_STATUS))));

  constructor(db: AppDatabase, appVersion: string) {
    this.db = db;
    this.appVersion = appVersion;
    // The link is back: try at once rather than when the backoff runs out.
    onOnline(() => this.controller?.retryNow());
  }

  get controller(): SyncController | null {
    return this.controller$.value;
  }

  /** At start-up: resumes sync with the remembered login; without one the app simply works offline. */
  async init(): Promise<void> {
    this.config = await loadSyncConfig(this.db);
    if (!this.config) return;
    const controller = new SyncController(this.db, this.config, this.appVersion);
    this.controller$.next(controller);
    if (platform.canStoreCredentials) {
      const saved = await platform.loadCredentials();
      if (saved && saved.serverUrl === this.config.serverUrl && saved.username === this.config.username) {
        controller.start({ kind: 'basic', username: saved.username, password: saved.password });
      } else {
        controller.requireLogin();
      }
    } else {
      controller.start({ kind: 'cookie' });
    }
  }

  /**
   * Documents of the user's own server database by `_id` prefix (the village registry, the villages' status reports),
   * read on demand with the remembered login. Rejects when there is no login or the server cannot be reached.
   */
  async serverDocs<T>(prefix: string): Promise<T[]> {
    const config = this.config;
    if (!config) throw new Error('not logged in');
    const saved = platform.canStoreCredentials ? await platform.loadCredentials() : null;
    const auth: CouchAuth = saved ? { kind: 'basic', username: saved.username, password: saved.password } : { kind: 'cookie' };
    return new CouchClient(config.serverUrl, auth).docsByPrefix<T>(config.dbName, prefix);
  }

  /** Checks the login with the server, binds this PC to the account's village and starts sync. */
  async login(input: LoginInput, profile: Profile | null): Promise<LoginResult> {
    let url: URL;
    try {
      url = new URL(input.serverUrl.trim());
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
    } catch {
      return { ok: false, message: MESSAGES.badUrl };
    }
    const serverUrl = url.origin;
    if (platform.canStoreCredentials && (await platform.loadCredentials())?.serverUrl !== serverUrl) {
      // The desktop page may only connect to the saved server (main builds connect-src from it), and a page keeps
      // the policy it loaded with: save first, reload, and the login screen finishes the check (resumeLogin).
      if (!(await platform.saveCredentials({ serverUrl, username: input.username, password: input.password }))) {
        return { ok: false, message: MESSAGES.noSecureStore };
      }
      setSessionValue(RESUME_KEY, '1');
      reloadPage();
      return { ok: false, message: MESSAGES.reloading };
    }
    const auth: CouchAuth = platform.canStoreCredentials
      ? { kind: 'basic', username: input.username, password: input.password }
      : { kind: 'cookie' };
    let roles: string[];
    try {
      roles = (await new CouchClient(serverUrl, auth).login(input.username, input.password)).roles;
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'login' || failure.kind === 'denied') return { ok: false, message: MESSAGES.wrongPassword };
      if (failure.kind === 'offline') return { ok: false, message: MESSAGES.offline };
      return {
        ok: false,
        message: failure.detail.includes('not JSON') ? MESSAGES.notCouch : { uk: failure.detail, en: failure.detail },
      };
    }
    const identity = identityFromRoles(roles);
    if (!identity) return { ok: false, message: MESSAGES.noRole };
    const sameSide = (a: string, b: string) => (a === 'central') === (b === 'central');
    if (profile && (profile.villageCode !== identity.villageId || !sameSide(profile.role, identity.role))) {
      return { ok: false, message: MESSAGES.otherVillage };
    }
    const config: SyncConfig = {
      serverUrl,
      username: input.username,
      dbName: databaseFor(identity.role, identity.villageId),
      role: identity.role,
      villageId: identity.villageId,
    };
    await saveSyncConfig(this.db, config);
    if (platform.canStoreCredentials)
      await platform.saveCredentials({ serverUrl, username: input.username, password: input.password });
    this.config = config;
    this.controller?.dispose();
    const communityCode = await readCommunityCode(new CouchClient(serverUrl, auth), config.dbName);
    const controller = new SyncController(this.db, config, this.appVersion);
    this.controller$.next(controller);
    controller.start(auth);
    return { ok: true, config, ...(communityCode ? { communityCode } : {}) };
  }

  /** True after the desktop page reloaded to reach a newly saved server: the login screen should finish the login. */
  hasPendingLogin(): boolean {
    return platform.canStoreCredentials && sessionValue(RESUME_KEY) === '1';
  }

  /** Finishes a login started before the reload, with the credentials main has just saved. */
  async resumeLogin(profile: Profile | null): Promise<LoginResult> {
    setSessionValue(RESUME_KEY, null);
    const saved = await platform.loadCredentials();
    if (!saved) return { ok: false, message: MESSAGES.noSecureStore };
    return this.login(saved, profile);
  }

  /** Sends and receives now; without a login it says so. */
  async syncNow(): Promise<SyncReport> {
    const controller = this.controller;
    if (!controller) return { ok: false, failure: { kind: 'login', detail: 'not set up' }, sent: 0, received: 0 };
    return controller.syncNow();
  }
}

/**
 * The community code from the user's own database (`community:<code>`, written there by the admin command), or
 * undefined when the server has none or cannot say right now: it only fills in what a PC would otherwise be told by hand.
 */
async function readCommunityCode(client: CouchClient, dbName: string): Promise<string | undefined> {
  try {
    const [doc] = await client.docsByPrefix<{ code?: unknown }>(dbName, ID_PREFIX.community);
    return isVillageCode(doc?.code) ? doc.code : undefined;
  } catch {
    return undefined;
  }
}
