/** Which PC may import which file: backups restore on a fresh PC or the same village; transfers only at their destination. */
import { describe, expect, test } from 'vitest';
import { allowedVillage, backupProblem, isBackupDue, transferProblem, type Workplace } from '../../../shared/transfer/acceptance';
import { sendsRecord } from '../../../shared/transfer/authorship';
import type { TransferHeader } from '../../../shared/transfer/format';

const header = (over: Partial<TransferHeader>): TransferHeader => ({
  format: 'open-village-transfer',
  formatVersion: 1,
  appVersion: '0.1.0',
  kind: 'transfer',
  createdAt: '2026-11-27T21:00:00.000Z',
  community: 'hlybotska',
  from: 'hlyboke',
  to: 'central',
  collections: {},
  ...over,
});

const village = (code: string, communityCode: string | null = 'hlybotska'): Workplace => ({ villageCode: code, communityCode });
const council: Workplace = { villageCode: 'central', communityCode: 'hlybotska' };

describe('backup', () => {
  const backup = header({ kind: 'backup', to: null });
  test.each([
    ['a fresh PC', null, null],
    ['the same village', village('hlyboke'), null],
    ['the same village without a community code yet', village('hlyboke', null), null],
    ['another village', village('zarichne'), 'wrong-village'],
    ['the council office', council, 'wrong-village'],
    ['the same village code of another community', village('hlyboke', 'inshska'), 'wrong-community'],
  ])('on %s', (_what, pc, code) => {
    expect(backupProblem(backup, pc)?.code ?? null).toBe(code);
  });
  test('a transfer file is not a backup', () => {
    expect(backupProblem(header({}), null)?.code).toBe('wrong-kind');
  });
});

describe('transfer', () => {
  const toCouncil = header({});
  const toVillage = header({ from: 'central', to: 'hlyboke' });
  test.each([
    ['village → council at the council', toCouncil, council, null],
    ['village → council back at its own village', toCouncil, village('hlyboke'), 'wrong-direction'],
    ['village → council at another village', toCouncil, village('zarichne'), 'wrong-direction'],
    ['council → village at that village', toVillage, village('hlyboke'), null],
    ['council → village at another village', toVillage, village('zarichne'), 'wrong-village'],
    ['council → village back at the council', toVillage, council, 'wrong-direction'],
    ['another community', header({ community: 'inshska' }), council, 'wrong-community'],
    ['a PC without a community code', toCouncil, { villageCode: 'central', communityCode: null }, 'no-community'],
    ['a fresh PC', toVillage, null, 'not-set-up'],
    ['a backup', header({ kind: 'backup', to: null }), council, 'wrong-kind'],
  ])('%s', (_what, file, pc, code) => {
    expect(transferProblem(file, pc)?.code ?? null).toBe(code);
  });

  test('the records a file may hold: its village only; a backup any', () => {
    expect(allowedVillage(toCouncil)).toBe('hlyboke');
    expect(allowedVillage(toVillage)).toBe('hlyboke');
    expect(allowedVillage(header({ kind: 'backup', from: 'central', to: null }))).toBeNull();
  });
});

describe('who sends what', () => {
  test('a village PC never sends the council records it holds; the council sends everything', () => {
    expect(sendsRecord('starosta', { registeredRole: 'starosta' })).toBe(true);
    expect(sendsRecord('clerk', { role: 'starosta' })).toBe(true);
    expect(sendsRecord('starosta', { role: 'central' })).toBe(false);
    expect(sendsRecord('starosta', { registeredRole: 'central' })).toBe(false);
    expect(sendsRecord('central', { role: 'starosta' })).toBe(true);
    expect(sendsRecord('central', { role: 'central' })).toBe(true);
  });
});

describe('backup reminder', () => {
  const now = new Date('2026-11-27T12:00:00.000Z');
  test.each([
    [null, 0, false],
    [null, 3, true],
    ['2026-11-21T12:00:00.000Z', 3, false],
    ['2026-11-20T11:59:00.000Z', 3, true],
    ['not a date', 3, true],
  ] as const)('last backup %s with %i appeals → due %s', (last, count, due) => {
    expect(isBackupDue(last, now, count)).toBe(due);
  });
});
