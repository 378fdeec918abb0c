/**
 * The `ov-admin` command line: parses arguments, runs one command, prints what changed or what went wrong (Ukrainian and
 * English, one line each) and returns the exit code. The CouchDB address comes only from the environment.
 */

import { localIsoDate } from '../../shared/lib/dates';
import { connectionFromEnv, verifyServer } from './couch-client';
import { AdminError, errors, exitCodeOf } from './errors';
import { addUser, addVillage, type Change, checkVillageCode, setup } from './provision';
import { checkReportArgs, writeReport } from './report';
import { formatStatusTable, villageStatuses } from './status';

/** Where the command reads and writes; process streams in production, buffers in tests. */
export interface CliIo {
  env: NodeJS.ProcessEnv;
  readStdin: () => Promise<string>;
  out: (line: string) => void;
  err: (line: string) => void;
  /** The clock (the report's "today"); the real one when not given. */
  now?: () => Date;
}

const USAGE = `Usage: COUCHDB_URL=http://admin:password@host:5984 ov-admin <command>
  setup [--community <code> --community-name <name>]
                                                  central database, security, design documents; the community
  add-village --code <code> --name <name>         village database, security, replications
  add-user --name <n> --password-stdin --role starosta|central [--village <code>]
  status [--json]                                 per village: size, counts, replication, last sync
  report --period 2026-Q3|2026-H1|2026 --format xlsx|csv --out <file> [--village <code>]
                                                  classifier count tables from ov_central into a file`;

type Flags = Record<string, string | true>;

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
    flags[name] = value;
    i++;
  }
  return flags;
}

function required(flags: Flags, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw errors.usage(`Потрібен аргумент --${name}`, `--${name} is required`);
  return value;
}

function printChanges(io: CliIo, changes: readonly Change[]): void {
  for (const c of changes) io.out(`${c.action.padEnd(9)} ${c.what}${c.note ? ` (${c.note})` : ''}`);
}

async function run(args: readonly string[], io: CliIo): Promise<void> {
  // Refuse an address in the arguments before anything else: it would carry the admin password into shell history.
  if (args.some((a) => /^[a-z][a-z0-9+.-]*:\/\//i.test(a))) throw errors.urlInArguments();
  const [command, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(USAGE);
    if (command === undefined) throw errors.usage('Не вказано команду', 'No command given');
    return;
  }
  const commands = ['setup', 'add-village', 'add-user', 'status', 'report'];
  if (!commands.includes(command)) throw errors.usage(`Невідома команда: ${command}`, `Unknown command: ${command}`);
  const flags = parseFlags(
    rest,
    command === 'add-village'
      ? { code: 'value', name: 'value' }
      : command === 'add-user'
        ? { name: 'value', role: 'value', village: 'value', 'password-stdin': 'flag' }
        : command === 'status'
          ? { json: 'flag' }
          : command === 'report'
            ? { period: 'value', format: 'value', out: 'value', village: 'value' }
            : command === 'setup'
              ? { community: 'value', 'community-name': 'value' }
              : {},
  );
  // Validate the arguments before touching the network, so a typo never half-provisions anything.
  if (command === 'add-user') {
    const role = required(flags, 'role');
    if (role !== 'starosta' && role !== 'central') {
      throw errors.usage(`--role має бути starosta або central, а не ${role}`, `--role must be starosta or central, not ${role}`);
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
  const conn = connectionFromEnv(io.env);
  await verifyServer(conn);
  switch (command) {
    case 'setup': {
      const community =
        flags.community === undefined
          ? undefined
          : { code: required(flags, 'community'), name: required(flags, 'community-name') };
      printChanges(io, await setup(conn, community));
      return;
    }
    case 'add-village':
      printChanges(io, await addVillage(conn, required(flags, 'code'), required(flags, 'name')));
      return;
    case 'add-user': {
      const password = (await io.readStdin()).replace(/\r?\n$/, '');
      const village = typeof flags.village === 'string' ? flags.village : undefined;
      const role = required(flags, 'role') as 'starosta' | 'central';
      printChanges(io, [await addUser(conn, { name: required(flags, 'name'), password, role, village })]);
      return;
    }
    case 'status': {
      const rows = await villageStatuses(conn);
      io.out(flags.json === true ? JSON.stringify(rows, null, 2) : formatStatusTable(rows, new Date()));
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
    await run(args, io);
    return 0;
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
