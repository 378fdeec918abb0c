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

/** Formats one log line; secret-looking fields are redacted. */
export function formatLogLine(level: LogLevel, message: string, fields: LogFields | undefined, now: Date): string {
  const parts = [now.toISOString(), level.toUpperCase(), message.replace(/[\r\n]+/g, ' ')];
  for (const [name, value] of Object.entries(fields ?? {})) {
    parts.push(`${name}=${SECRET_FIELD.test(name) ? '[redacted]' : JSON.stringify(value ?? null)}`);
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
