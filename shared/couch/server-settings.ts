/**
 * What the app needs of a CouchDB server beyond its defaults, in one place: the admin command's `setup` writes it,
 * `doctor` checks it, and the demo's pouchdb-server is started with the same CORS rules.
 */

/** The desktop app's origin (Electron's `app://` protocol); every server allows it. */
export const DESKTOP_ORIGIN = 'app://open-village';

/**
 * Request headers the app sends cross-origin: gzip-compressed request bodies (`content-encoding`) and basic auth,
 * beyond the CORS-safelisted ones. A preflight naming a header outside CouchDB's list is not answered as a preflight
 * at all (CouchDB passes it on as a plain OPTIONS request), so the browser blocks every push: the list must be complete.
 */
export const CORS_HEADERS = [
  'accept',
  'accept-language',
  'content-language',
  'content-type',
  'content-encoding',
  'authorization',
  'origin',
  'referer',
] as const;

/** Methods the app uses cross-origin. */
export const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'] as const;

/** Largest document the data model writes: a 64 KB file chunk is ~88 KB as base64; an appeal is a few KB. */
export const MAX_DOCUMENT_SIZE = 1_048_576;

/** Largest attachment: one 64 KB chunk, with room to spare. */
export const MAX_ATTACHMENT_SIZE = 1_048_576;

/** Largest request body: a push batch or a chunk; an over-large batch is halved by the app on 413. */
export const MAX_HTTP_REQUEST_SIZE = 8_388_608;

/** One CouchDB configuration value: section, key and the value `setup` writes. */
export interface ServerSetting {
  section: string;
  key: string;
  value: string;
  /** Why the app needs it, for `doctor`'s report. */
  why: { uk: string; en: string };
}

/** The CORS origin list as CouchDB stores it (`, `-separated; pouchdb-server splits on exactly that). */
export function originList(origins: readonly string[]): string {
  return origins.join(', ');
}

/** The origins of a stored list. */
export function parseOriginList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
}

/**
 * Every setting the app relies on, for a server that allows the given origins. `require_valid_user_except_for_up`: no
 * anonymous request reaches any database, `_users` or `_all_dbs` (only `/_up`, for monitoring; CORS preflights and
 * `POST /_session` still work, measured on CouchDB 3.4.3).
 */
export function serverSettings(origins: readonly string[]): ServerSetting[] {
  return [
    {
      section: 'chttpd',
      key: 'require_valid_user_except_for_up',
      value: 'true',
      why: { uk: 'без входу сервер нічого не показує', en: 'nothing is shown without a login' },
    },
    { section: 'chttpd', key: 'enable_cors', value: 'true', why: cors },
    { section: 'cors', key: 'origins', value: originList(origins), why: cors },
    { section: 'cors', key: 'credentials', value: 'true', why: cors },
    { section: 'cors', key: 'headers', value: CORS_HEADERS.join(', '), why: cors },
    { section: 'cors', key: 'methods', value: CORS_METHODS.join(', '), why: cors },
    { section: 'couchdb', key: 'max_document_size', value: String(MAX_DOCUMENT_SIZE), why: limits },
    { section: 'couchdb', key: 'max_attachment_size', value: String(MAX_ATTACHMENT_SIZE), why: limits },
    { section: 'chttpd', key: 'max_http_request_size', value: String(MAX_HTTP_REQUEST_SIZE), why: limits },
    ...SESSION_COOKIE_SETTINGS,
  ];
}

/**
 * The browser's login cookie (`AuthSession`, from `POST /_session`). Measured on CouchDB 3.4.3: by default it carries
 * `Expires`/`Max-Age`, so it outlives the browser window on a shared PC, and no `SameSite`. `allow_persistent_cookies
 * = false` drops both dates (a session cookie: gone when the browser closes; the token itself still expires after
 * `[chttpd_auth] timeout`); `same_site = strict` adds `SameSite=Strict`, which a fetch from the council's web page
 * still carries because that page and CouchDB are on the same site (same registrable domain, same scheme; the port
 * does not count). A page on another site would need `SameSite=None; Secure`, and Chromium blocks such third-party
 * cookies anyway, so that layout is not supported. CouchDB adds `Secure` only on its own TLS port, never behind a
 * proxy (it has no setting for it, and ignores `X-Forwarded-Proto` there): the proxy adds it (README).
 */
export const SESSION_COOKIE_SETTINGS: readonly ServerSetting[] = [
  {
    section: 'chttpd_auth',
    key: 'allow_persistent_cookies',
    value: 'false',
    why: {
      uk: 'вхід у браузері не переживає закриття браузера',
      en: 'a browser login does not outlive the browser window',
    },
  },
  {
    section: 'chttpd_auth',
    key: 'same_site',
    value: 'strict',
    why: {
      uk: 'браузер не надсилає cookie входу з чужих сайтів',
      en: 'the browser sends the login cookie from no other site',
    },
  },
];

const cors = {
  uk: 'програма (app://open-village і веб-сторінка ради) може звертатися до сервера',
  en: 'the app (app://open-village and the council’s web page) may call the server',
};
const limits = {
  uk: 'межі розміру відповідають даним програми',
  en: 'size limits fit the app’s data',
};
