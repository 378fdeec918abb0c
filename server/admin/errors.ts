/**
 * The admin command's expected failures, each with a stable code and a message in Ukrainian and English (one line each),
 * so a council's administrator reads what went wrong and what to do, never a stack trace.
 */
export type AdminErrorCode =
  | 'usage'
  | 'missing-url'
  | 'url-in-arguments'
  | 'bad-url'
  | 'no-credentials'
  | 'unreachable'
  | 'not-couchdb'
  | 'wrong-credentials'
  | 'not-admin'
  | 'invalid-code'
  | 'unknown-community'
  | 'user-of-other-community'
  | 'password-not-taken'
  | 'reserved-code'
  | 'invalid-name'
  | 'invalid-user'
  | 'weak-password'
  | 'unknown-village'
  | 'write-failed'
  | 'server-error';

/** An expected failure of the admin command. */
export class AdminError extends Error {
  readonly code: AdminErrorCode;
  readonly uk: string;
  readonly en: string;

  constructor(code: AdminErrorCode, uk: string, en: string) {
    super(en);
    this.name = 'AdminError';
    this.code = code;
    this.uk = uk;
    this.en = en;
  }
}

/** Exit code of a failure: 2 for a wrong command line or configuration, 1 for everything the server answered. */
export function exitCodeOf(error: AdminError): number {
  return ['usage', 'missing-url', 'url-in-arguments', 'bad-url', 'no-credentials'].includes(error.code) ? 2 : 1;
}

/** Builders of the messages, one per code that needs details. */
export const errors = {
  usage: (uk: string, en: string) => new AdminError('usage', uk, en),
  missingUrl: () =>
    new AdminError(
      'missing-url',
      'Не задано адресу CouchDB: задайте змінну середовища COUCHDB_URL=http://адмін:пароль@сервер:5984',
      'No CouchDB address: set the environment variable COUCHDB_URL=http://admin:password@host:5984',
    ),
  urlInArguments: () =>
    new AdminError(
      'url-in-arguments',
      'Адресу сервера не передають аргументом (пароль потрапив би в історію команд): задайте COUCHDB_URL',
      'The server address is not taken from arguments (the password would land in the shell history): set COUCHDB_URL',
    ),
  badUrl: () => new AdminError('bad-url', 'COUCHDB_URL не є адресою http(s)://…', 'COUCHDB_URL is not an http(s)://… address'),
  noCredentials: () =>
    new AdminError(
      'no-credentials',
      'У COUCHDB_URL немає імені й пароля адміністратора: http://адмін:пароль@сервер:5984',
      'COUCHDB_URL holds no admin name and password: http://admin:password@host:5984',
    ),
  unreachable: (host: string, reason: string) =>
    new AdminError(
      'unreachable',
      `Сервер ${host} недоступний (${reason}): перевірте адресу, мережу і чи запущено CouchDB`,
      `The server ${host} cannot be reached (${reason}): check the address, the network and that CouchDB runs`,
    ),
  notCouchDb: (host: string) =>
    new AdminError(
      'not-couchdb',
      `За адресою ${host} відповідає не CouchDB: перевірте адресу і порт`,
      `The server at ${host} is not CouchDB: check the address and the port`,
    ),
  wrongCredentials: () =>
    new AdminError(
      'wrong-credentials',
      "CouchDB відхилив ім'я або пароль адміністратора з COUCHDB_URL",
      'CouchDB refused the admin name or password in COUCHDB_URL',
    ),
  notAdmin: (name: string) =>
    new AdminError(
      'not-admin',
      `Користувач ${name} не є адміністратором сервера CouchDB`,
      `The user ${name} is not a CouchDB server admin`,
    ),
  invalidCode: (code: string) =>
    new AdminError(
      'invalid-code',
      `Неправильний код села «${code}»: 2–20 малих латинських літер, цифр або _, першою — літера`,
      `Invalid village code "${code}": 2–20 lowercase Latin letters, digits or _, starting with a letter`,
    ),
  invalidCommunity: (code: string) =>
    new AdminError(
      'invalid-code',
      `Неправильний код громади «${code}»: 2–20 малих латинських літер, цифр або _, першою — літера`,
      `Invalid community code "${code}": 2–20 lowercase Latin letters, digits or _, starting with a letter`,
    ),
  communityNameNeeded: (code: string) =>
    new AdminError(
      'usage',
      `Громаду «${code}» ще не налаштовано: уперше потрібна її назва, --community-name <назва>`,
      `The community "${code}" is not set up yet: the first time its name is needed, --community-name <name>`,
    ),
  badOrigin: (origin: string) =>
    new AdminError(
      'usage',
      `Неправильне джерело --web-origin «${origin}»: лише схема, хост і порт, як-от https://rada.example.ua`,
      `Invalid --web-origin "${origin}": only scheme, host and port, such as https://rada.example.ua`,
    ),
  unknownCommunity: (code: string) =>
    new AdminError(
      'unknown-community',
      `Громаду «${code}» на цьому сервері не налаштовано: спершу виконайте setup --community ${code} --community-name …`,
      `The community "${code}" is not set up on this server: run setup --community ${code} --community-name … first`,
    ),
  userOfOtherCommunity: (name: string, other: string) =>
    new AdminError(
      'user-of-other-community',
      `Ім'я «${name}» на цьому сервері вже має користувач громади «${other}»: оберіть інше ім'я`,
      `The name "${name}" already belongs to a user of the community "${other}" on this server: choose another name`,
    ),
  passwordNotTaken: (name: string) =>
    new AdminError(
      'password-not-taken',
      `Сервер ще не приймає новий пароль користувача ${name}: зачекайте хвилину і перевірте вхід`,
      `The server does not accept the new password of ${name} yet: wait a minute and try to log in`,
    ),
  reservedCode: (code: string) =>
    new AdminError(
      'reserved-code',
      `Код «${code}» зарезервовано для центрального офісу громади`,
      `The code "${code}" is reserved for the council's central office`,
    ),
  invalidName: () =>
    new AdminError(
      'invalid-name',
      'Назва села порожня або довша за 200 знаків',
      'The village name is empty or longer than 200 characters',
    ),
  invalidUser: (name: string) =>
    new AdminError(
      'invalid-user',
      `Неправильне ім'я користувача «${name}»: 1–100 знаків, без двокрапки, не з підкреслення`,
      `Invalid user name "${name}": 1–100 characters, no colon, not starting with an underscore`,
    ),
  weakPassword: () =>
    new AdminError(
      'weak-password',
      'Пароль зі стандартного входу коротший за 8 знаків',
      'The password read from standard input is shorter than 8 characters',
    ),
  unknownVillage: (code: string) =>
    new AdminError(
      'unknown-village',
      `Село «${code}» не зареєстроване: спершу виконайте add-village --code ${code} --name …`,
      `The village "${code}" is not registered: run add-village --code ${code} --name … first`,
    ),
  writeFailed: (file: string, reason: string) =>
    new AdminError(
      'write-failed',
      `Не вдалося записати файл ${file} (${reason}): перевірте шлях і права на запис`,
      `Could not write the file ${file} (${reason}): check the path and write permission`,
    ),
  serverError: (what: string, status: number, detail: string) =>
    new AdminError(
      'server-error',
      `CouchDB відповів ${status} на «${what}»: ${detail}`,
      `CouchDB answered ${status} to "${what}": ${detail}`,
    ),
};
