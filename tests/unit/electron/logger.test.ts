import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger, formatLogLine } from '../../../electron/main/logger';
import { removeTempDirs, tempDir } from './temp-dir';

afterAll(removeTempDirs);

const at = new Date('2025-03-01T10:00:00.000Z');

describe('main-process logger', () => {
  it('writes one line per entry with level and fields', () => {
    expect(formatLogLine('warn', 'permission request denied', { permission: 'media' }, at)).toBe(
      '2025-03-01T10:00:00.000Z WARN permission request denied permission="media"\n',
    );
  });

  it('redacts secret-looking fields and flattens newlines (no log injection)', () => {
    const line = formatLogLine('info', 'login\nFAKE ERROR', { password: 'hunter2', authToken: 'abc', couchKey: 'k' }, at);
    expect(line).not.toMatch(/hunter2|abc|"k"/);
    expect(line.split('\n')).toHaveLength(2);
  });

  it('writes no personal data: personal-looking fields redacted, a record quoted in an error dropped, long values cut', () => {
    const line = formatLogLine(
      'error',
      'ipc handler failed',
      {
        channel: 'print:save-pdf',
        error: 'Error: document rejected {"surname":"Шевчук","phone":"+380671234567","text":"Прошу допомогти"}',
        surname: 'Шевчук',
        appealText: 'Прошу допомогти',
        filePath: '/home/op/Documents/Шевчук.pdf',
        reason: `x${'у'.repeat(500)}`,
      },
      at,
    );
    expect(line).not.toMatch(/Шевчук|380671234567|Прошу/);
    expect(line).toContain('channel="print:save-pdf"');
    expect(line).toContain('error="Error: document rejected [body dropped]"');
    expect(line).toMatch(/surname=\[redacted\] appealText=\[redacted\] filePath=\[redacted\]/);
    expect(line.length).toBeLessThan(400);
  });

  it('appends to userData/logs/main.log and rotates past 1 MB', () => {
    const dir = tempDir('ov-logs-');
    const log = createFileLogger(dir, () => at);
    writeFileSync(join(dir, 'main.log'), 'x'.repeat(1024 * 1024 + 1));
    log.info('after rotation');
    expect(existsSync(join(dir, 'main.old.log'))).toBe(true);
    expect(readFileSync(join(dir, 'main.log'), 'utf8')).toBe('2025-03-01T10:00:00.000Z INFO after rotation\n');
  });
});
