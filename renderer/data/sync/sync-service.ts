import { BehaviorSubject, type Observable, of, switchMap } from 'rxjs';
import { databaseOf, identityFromRoles } from '../../../shared/couch/names';
import { DESKTOP_ORIGIN } from '../../../shared/couch/server-settings';
import type { LocalizedText } from '../../../shared/lib/i18n-text';
import { onOnline, reloadPage, sessionValue, setSessionValue } from '../../platform/page';
import { platform } from '../../platform/platform';
import type { AppDatabase } from '../database';
import type { Profile } from '../profile.repository';
import { type CouchAuth, CouchClient } from './couch-client';
import { loadSyncConfig, type SyncConfig, saveSyncConfig } from './sync-config';
import { SyncController } from './sync-controller';
import { classifyError, diagnoseLogin, LoginError, type ProbeOutcome } from './sync-failure';
import { INITIAL_STATUS, type SyncReport, type SyncStatus } from './sync-status';

export interface LoginInput {
  serverUrl: string;
  username: string;
  password: string;
}

/**
 * A successful login also says which community the account belongs to (its roles name it). A refused one says why in
 * words, and when the server has locked the account, until when (epoch ms): the form waits rather than invite retries.
 */
export type LoginResult =
  | { ok: true; config: SyncConfig; communityCode: string }
  | { ok: false; message: LocalizedText; lockedUntil?: number };

const MESSAGES = {
  badUrl: {
    uk: 'Адреса сервера має починатися з http:// або https://',
    en: 'The server address must start with http:// or https://',
  },
  wrongPassword: { uk: 'Невірне ім’я користувача або пароль', en: 'Wrong user name or password' },
  notCouch: (serverUrl: string) => ({
    uk:
      `За адресою ${serverUrl} відповідає не сервер бази даних ради (CouchDB), а щось інше. Перевірте адресу: її дає ` +
      'ІТ-фахівець ради, зазвичай із номером порту, як-от https://rada.example.ua:6984',
    en:
      `Something other than the council database server (CouchDB) answers at ${serverUrl}. Check the address: the ` +
      'council’s IT person gives it, usually with a port number, such as https://rada.example.ua:6984',
  }),
  unreachable: (serverUrl: string) => ({
    uk:
      `Сервер ради за адресою ${serverUrl} не відповідає: немає зв’язку, сервер вимкнено або в адресі помилка. ` +
      'Перевірте інтернет і адресу (http чи https, номер порту) і спробуйте ще раз; якщо все правильно, повідомте ' +
      'ІТ-фахівця ради. Реєструвати звернення можна й без зв’язку.',
    en:
      `The council server at ${serverUrl} does not answer: there is no connection, the server is off, or the address ` +
      'is wrong. Check the internet connection and the address (http or https, the port number) and try again; if ' +
      'both are right, tell the council’s IT person. Appeals can be registered without a connection too.',
  }),
  refused: (origin: string, command: LocalizedText) => ({
    uk:
      `Сервер ради відповідає, але не приймає запити з цієї програми: його налаштування (CORS) не дозволяють джерело ` +
      `${origin}. Зв’язок тут ні до чого, і повторні спроби не допоможуть. Попросіть ІТ-фахівця ради виконати на ` +
      `сервері: ${command.uk}`,
    en:
      `The council server answers but does not accept requests from this app: its settings (CORS) do not allow the ` +
      `origin ${origin}. The connection is fine, and trying again will not help. Ask the council’s IT person to run ` +
      `on the server: ${command.en}`,
  }),
  locked: (username: string, until: number) => ({
    uk:
      `Сервер ради тимчасово заблокував вхід для «${username}» після 5 невдалих спроб. Блокування зніметься само ` +
      `через 5 хвилин, не пізніше ніж о ${clock(until, 'uk-UA')}. До того часу не входьте: зараз сервер не приймає ` +
      'навіть правильний пароль. Якщо пароль забуто, попросіть ІТ-фахівця ради задати новий.',
    en:
      `The council server has temporarily locked the login of "${username}" after 5 failed attempts. It unlocks by ` +
      `itself within 5 minutes, by ${clock(until, 'en-GB')} at the latest. Do not try before then: right now the ` +
      'server refuses even the right password. If the password is forgotten, ask the council’s IT person to set a new one.',
  }),
  serverError: (detail: string) => ({
    uk: `Сервер ради відповів помилкою (${detail}). Спробуйте пізніше; якщо це повторюється, передайте цей текст ІТ-фахівцю ради.`,
    en: `The council server answered with an error (${detail}). Try again later; if it keeps happening, give this text to the council’s IT person.`,
  }),
  noRole: { uk: 'Цей обліковий запис не має ролі у «Відкритому селі»', en: 'This account has no Open Village role' },
  noSecureStore: {
    uk: 'На цьому комп’ютері немає захищеного сховища паролів: пароль доведеться вводити після кожного запуску',
    en: 'This PC has no secure password store: the password will have to be entered after each start',
  },
  reloading: { uk: 'Підключення до нового сервера…', en: 'Connecting to the new server…' },
  otherCommunity: {
    uk: 'Цей комп’ютер налаштовано для іншої громади: увійдіть обліковим записом своєї громади',
    en: 'This PC is set up for another community: log in with an account of your own community',
  },
  otherVillage: {
    uk: 'Цей комп’ютер налаштовано для іншого села або ролі: увійдіть обліковим записом свого села',
    en: 'This PC is set up for another village or role: log in with your own village account',
  },
} satisfies Record<string, LocalizedText | ((...args: never[]) => LocalizedText)>;

/**
 * How long CouchDB keeps an account locked: `[chttpd_auth_lockout] max_lifetime`, 300000 ms by default, counted from
 * the first of the failures, so a lock seen now is over by now + 5 minutes at the latest. Measured on 3.4.3: failures
 * at 0 s and 60 s, the right password accepted again at 303 s; tries during the lock neither count nor extend it; a
 * new password set by the admin lifts it at once (the lock is kept per address, user and password salt).
 */
const LOCKOUT_MS = 5 * 60_000;

/** A time of day as the message shows it, e.g. 14:35. */
function clock(at: number, locale: string): string {
  return new Date(at).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}

/**
 * The admin command that lets this page's origin call the server. `setup` always allows the desktop app's origin
 * (and rejects it as a `--web-origin`, which takes http and https only), so the desktop app needs none.
 */
function setupCommand(origin: string, community: string | undefined): LocalizedText {
  const command = (code: string) =>
    `npm run admin -- setup --community ${code}${origin === DESKTOP_ORIGIN ? '' : ` --web-origin ${origin}`}`;
  return community
    ? { uk: command(community), en: command(community) }
    : { uk: command('<код громади>'), en: command('<community code>') };
}

/** The page's origin (`app://open-village` in the desktop app), as CouchDB's CORS list must name it. */
function pageOrigin(): string {
  return (globalThis as { location?: { origin?: string } }).location?.origin ?? DESKTOP_ORIGIN;
}

/** Says why a login failed; the reachability probe runs only when the page could read no answer at all. */
async function loginFailure(
  client: CouchClient,
  error: unknown,
  username: string,
  community: string | undefined,
): Promise<LoginResult & { ok: false }> {
  if (!(error instanceof LoginError)) return { ok: false, message: MESSAGES.serverError(classifyError(error).detail) };
  const { failure, body } = error.answer;
  const probe: ProbeOutcome = failure === 'network' ? ((await client.answersAtAll()) ? 'answered' : 'silent') : 'not-run';
  switch (diagnoseLogin({ failure, body, probe })) {
    case 'wrongPassword':
      return { ok: false, message: MESSAGES.wrongPassword };
    case 'locked': {
      const lockedUntil = Date.now() + LOCKOUT_MS;
      return { ok: false, message: MESSAGES.locked(username, lockedUntil), lockedUntil };
    }
    case 'refused': {
      const origin = pageOrigin();
      return { ok: false, message: MESSAGES.refused(origin, setupCommand(origin, community)) };
    }
    case 'unreachable':
      return { ok: false, message: MESSAGES.unreachable(client.serverUrl) };
    case 'notCouch':
      return { ok: false, message: MESSAGES.notCouch(client.serverUrl) };
    case 'serverError': {
      const words = body ? [body.error, body.reason].filter(Boolean).join(': ') : '';
      return { ok: false, message: MESSAGES.serverError(words ? `HTTP ${failure}, ${words}` : `HTTP ${failure}`) };
    }
  }
}

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
    const { client, dbName } = await this.serverClient();
    return client.docsByPrefix<T>(dbName, prefix);
  }

  /**
   * The documents of the user's own server database with a second branch (view `ov/conflicts`), each with its
   * winning revision's body; read on demand like `serverDocs`, and rejects as it does.
   */
  async serverConflicts(): Promise<{ id: string; conflicts: string[]; doc: { villageId?: unknown } | null }[]> {
    const { client, dbName } = await this.serverClient();
    return client.conflictedDocs<{ villageId?: unknown }>(dbName);
  }

  /** A client with the remembered login (the desktop's saved password, or the browser's session cookie). */
  private async serverClient(): Promise<{ client: CouchClient; dbName: string }> {
    const config = this.config;
    if (!config) throw new Error('not logged in');
    const saved = platform.canStoreCredentials ? await platform.loadCredentials() : null;
    const auth: CouchAuth = saved ? { kind: 'basic', username: saved.username, password: saved.password } : { kind: 'cookie' };
    return { client: new CouchClient(config.serverUrl, auth), dbName: config.dbName };
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
    const client = new CouchClient(serverUrl, auth);
    let roles: string[];
    try {
      // One request per click and no retry here: see CouchClient.login on CouchDB's lockout.
      roles = (await client.login(input.username, input.password)).roles;
    } catch (error) {
      return loginFailure(client, error, input.username, profile?.communityCode);
    }
    const identity = identityFromRoles(roles);
    if (!identity) return { ok: false, message: MESSAGES.noRole };
    const sameSide = (a: string, b: string) => (a === 'central') === (b === 'central');
    if (profile && (profile.villageCode !== identity.villageId || !sameSide(profile.role, identity.role))) {
      return { ok: false, message: MESSAGES.otherVillage };
    }
    if (profile?.communityCode && profile.communityCode !== identity.community) {
      return { ok: false, message: MESSAGES.otherCommunity };
    }
    const config: SyncConfig = {
      serverUrl,
      username: input.username,
      community: identity.community,
      dbName: databaseOf(identity),
      role: identity.role,
      villageId: identity.villageId,
    };
    await saveSyncConfig(this.db, config);
    if (platform.canStoreCredentials)
      await platform.saveCredentials({ serverUrl, username: input.username, password: input.password });
    this.config = config;
    this.controller?.dispose();
    const controller = new SyncController(this.db, config, this.appVersion);
    this.controller$.next(controller);
    controller.start(auth);
    return { ok: true, config, communityCode: identity.community };
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
