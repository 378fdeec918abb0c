import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

const MAX_LOG_BYTES = 1024 * 1024;
// Field names that could carry credentials or personal data are never written, whatever the caller passes.
const SECRET_FIELD = /pass|token|secret|cookie|auth|credential|key/i;
// The register's personal fields (the Law on Personal Data Protection): a log is sent to support, the register is not.
const PERSONAL_FIELD = /surname|given|patronymic|name|address|phone|email|text|body|doc|record|query|search|file|path|title/i;
/** Longer values are cut: an error's own words fit, a record dumped into its message does not. */
const MAX_VALUE_CHARS = 200;

/**
 * A value as it may be logged. Errors from CouchDB, RxDB or Node can quote a whole document (`… {"surname":…}`) or a
 * file path that names a resident: everything from the first `{` or `[` on is dropped, and the rest is cut short.
 */
export function logValue(value: string | number | boolean | null | undefined): string {
  if (typeof value !== 'string') return JSON.stringify(value ?? null);
  const body = value.search(/[{[]/);
  let text = body >= 0 ? `${value.slice(0, body)}[body dropped]` : value;
  if (text.length > MAX_VALUE_CHARS) text = `${text.slice(0, MAX_VALUE_CHARS)}…`;
  return JSON.stringify(text);
}

/** Formats one log line; secret-looking and personal-looking fields are redacted, long or body-carrying values reduced. */
export function formatLogLine(level: LogLevel, message: string, fields: LogFields | undefined, now: Date): string {
  const parts = [now.toISOString(), level.toUpperCase(), message.replace(/[\r\n]+/g, ' ')];
  for (const [name, value] of Object.entries(fields ?? {})) {
    parts.push(`${name}=${SECRET_FIELD.test(name) || PERSONAL_FIELD.test(name) ? '[redacted]' : logValue(value)}`);
  }
  return `${parts.join(' ')}\n`;
}

/**
 * A tiny file logger for the main process (userData/logs/main.log, one rotation at 1 MB).
 * Logging must never crash the app, so write failures are swallowed after a console note.
 */
export function createFileLogger(dir: string, clock: () => Date = () => new Date()): Logger {
  const file = join(dir, 'main.log');
  const write = (level: LogLevel, message: string, fields?: LogFields): void => {
    try {
      mkdirSync(dir, { recursive: true });
      if (fileSize(file) > MAX_LOG_BYTES) renameSync(file, join(dir, 'main.old.log'));
      appendFileSync(file, formatLogLine(level, message, fields, clock()), 'utf8');
    } catch (error) {
      // A full or read-only disk must not take the app down; the console is the last resort.
      console.error('open-village: cannot write log', error);
    }
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    // No log yet.
    return 0;
  }
}
