/**
 * The `ov-admin` command line: parses arguments, runs one command, prints what changed or what went wrong (Ukrainian and
 * English, one line each) and returns the exit code. The CouchDB address comes only from the environment.
 */

import { localIsoDate } from '../../shared/lib/dates';
import { type CouchConnection, connectionFromEnv, verifyServer } from './couch-client';
import { doctorExitCode, formatFindings, runDoctor } from './doctor';
import { AdminError, errors, exitCodeOf } from './errors';
import { addUser, addVillage, type Change, checkVillageCode, namesOf, setup, type UserRole } from './provision';
import { checkReportArgs, writeReport } from './report';
import { checkOrigin } from './server-config';
import { communityStatus, formatStatusTable } from './status';

/** Where the command reads and writes; process streams in production, buffers in tests. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The clock (the report's "today"); the real one when not given. */
  now?: () => Date;
}

const USAGE = `Usage: COUCHDB_URL=http://admin:password@host:5984 ov-admin <command> --community <code> …
  setup --community <code> [--community-name <name>] [--web-origin <origin>]…
                                                  server settings (CORS, login, limits), the community's central
                                                  database, security, design documents (the name is needed once)
  add-village --community <code> --code <code> --name <name>
                                                  village database, security, replications
  add-user --community <code> --name <n> --password-stdin --role starosta|clerk|central [--village <code>]
  status --community <code> [--json]              per village: size, counts, conflicts on write-once records,
                                                  replication, last sync; the central database's conflicts
  report --community <code> --period 2026-Q3|2026-H1|2026 --format xlsx|csv --out <file> [--village <code>]
                                                  classifier count tables from the central database into a file
  doctor --community <code> [--web-origin <origin>]… [--json]
                                                  checks the server as the app and the villages see it (CORS,
                                                  anonymous access, TLS, compression, limits, databases,
                                                  replications, conflicts); exit 1 when the app cannot work`;

type Flags = Record<string, string | true | string[]>;

/** Flags that may be given more than once (their values are collected in order). */
const REPEATABLE = new Set(['web-origin']);

function parseFlags(args: readonly string[], known: Record<string, 'value' | 'flag'>): Flags {
  const flags: Flags = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    const name = arg.startsWith('--') ? arg.slice(2) : null;
    const kind = name === null ? undefined : known[name];
    if (name === null || kind === undefined) {
      throw errors.usage(`Невідомий аргумент: ${arg}`, `Unknown argument: ${arg}`);
    }
    if (kind === 'flag') {
      flags[name] = true;
      continue;
    }
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) {
      throw errors.usage(`Після --${name} потрібне значення`, `--${name} needs a value`);
    }
    if (REPEATABLE.has(name)) {
      const list = flags[name];
      flags[name] = [...(Array.isArray(list) ? list : []), value];
    } else {
      flags[name] = value;
    }
    i++;
  }
  return flags;
}

/** The flags of each command, besides `--community`, which every command takes. */
const FLAGS: Record<string, Record<string, 'value' | 'flag'>> = {
  setup: { 'community-name': 'value', 'web-origin': 'value' },
  'add-village': { code: 'value', name: 'value' },
  'add-user': { name: 'value', role: 'value', village: 'value', 'password-stdin': 'flag' },
  status: { json: 'flag' },
  report: { period: 'value', format: 'value', out: 'value', village: 'value' },
  doctor: { 'web-origin': 'value', json: 'flag' },
};

const USER_ROLES: readonly UserRole[] = ['starosta', 'clerk', 'central'];

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw errors.usage(`Потрібен аргумент --${name}`, `--${name} is required`);
  return value;
}

function printChanges(io: CliIo, changes: readonly Change[]): void {
  for (const c of changes) io.out(`${c.action.padEnd(9)} ${c.what}${c.note ? ` (${c.note})` : ''}`);
}

/** `doctor`: reports instead of failing, so it runs before `verifyServer` (an unreachable server is one of its findings). */
async function doctor(conn: CouchConnection, community: string, flags: Flags, io: CliIo): Promise<number> {
  const origins = flags['web-origin'];
  const webOrigins = Array.isArray(origins) ? origins : [];
  const findings = await runDoctor(conn, { community, webOrigins });
  io.out(flags.json === true ? JSON.stringify(findings, null, 2) : formatFindings(findings));
  return doctorExitCode(findings);
}

/** Runs one command; its exit code when it has one of its own (`doctor`), else nothing: 0. */
async function run(args: readonly string[], io: CliIo): Promise<number | undefined> {
  // Refuse an address in the arguments before anything else: it would carry the admin password into shell history.
  // A browser origin after --web-origin is an address too, but without credentials it carries no secret.
  const isUrl = (a: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(a);
  if (args.some((a, i) => isUrl(a) && (args[i - 1] !== '--web-origin' || /:\/\/[^/]*@/.test(a)))) {
    throw errors.urlInArguments();
  }
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    if (command === undefined) throw errors.usage('Не вказано команду', 'No command given');
    return;
  }
  if (!Object.hasOwn(FLAGS, command)) throw errors.usage(`Невідома команда: ${command}`, `Unknown command: ${command}`);
  const flags = parseFlags(rest, { community: 'value', ...FLAGS[command] });
  const community = required(flags, 'community');
  namesOf(community);
  // Validate the arguments before touching the network, so a typo never half-provisions anything.
  if (command === 'add-user') {
    const role = required(flags, 'role');
    if (!USER_ROLES.includes(role as UserRole)) {
      throw errors.usage(
        `--role має бути starosta, clerk або central, а не ${role}`,
        `--role must be starosta, clerk or central, not ${role}`,
      );
    }
    if (flags['password-stdin'] !== true) {
      throw errors.usage(
        'Пароль читається лише зі стандартного входу: --password-stdin',
        'The password is read only from stdin: --password-stdin',
      );
    }
  }
  if (command === 'add-village') checkVillageCode(required(flags, 'code'));
  if (command === 'report') {
    checkReportArgs(required(flags, 'period'), required(flags, 'format'));
    required(flags, 'out');
  }
  if (command === 'doctor') {
    const origins = flags['web-origin'];
    for (const origin of Array.isArray(origins) ? origins : []) checkOrigin(origin);
  }
  const conn = connectionFromEnv(io.env);
  if (command === 'doctor') return doctor(conn, community, flags, io);
  await verifyServer(conn);
  switch (command) {
    case 'setup': {
      const name = flags['community-name'];
      const origins = flags['web-origin'];
      printChanges(
        io,
        await setup(conn, {
          community,
          ...(typeof name === 'string' ? { communityName: name } : {}),
          webOrigins: Array.isArray(origins) ? origins : [],
        }),
      );
      return;
    }
    case 'add-village':
      printChanges(io, await addVillage(conn, community, required(flags, 'code'), required(flags, 'name')));
      return;
    case 'add-user': {
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      const village = typeof flags.village === 'string' ? flags.village : undefined;
      const role = required(flags, 'role') as UserRole;
      printChanges(io, [await addUser(conn, community, { name: required(flags, 'name'), password, role, village })]);
      return;
    }
    case 'status': {
      const status = await communityStatus(conn, community);
      io.out(
        flags.json === true ? JSON.stringify(status, null, 2) : formatStatusTable(status.villages, new Date(), status.central),
      );
      return;
    }
    case 'report': {
      const now = io.now?.() ?? new Date();
      const out = required(flags, 'out');
      const report = await writeReport(conn, {
        period: required(flags, 'period'),
        format: required(flags, 'format') as 'xlsx' | 'csv',
        out,
        village: typeof flags.village === 'string' ? flags.village : undefined,
        community,
        today: localIsoDate(now),
        now,
      });
      io.out(
        `written   ${out} (${report.period.code}, ${report.scopeLabel.en}, ${report.appealCount} appeals, as of ${report.cutoff})`,
      );
      return;
    }
  }
}

/** Runs the command line; returns the process exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    return (await run(args, io)) ?? 0;
  } catch (error) {
    if (error instanceof AdminError) {
      io.err(error.uk);
      io.err(error.en);
      return exitCodeOf(error);
    }
    io.err('Непередбачена помилка (подробиці нижче англійською)');
    io.err(`Unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
