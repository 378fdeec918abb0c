import type { TFunction } from 'i18next';
import { CENTRAL_CODE } from '../../../shared/transfer/acceptance';
import type { TransferHeader } from '../../../shared/transfer/format';
import { formatDateTime } from '../../i18n/i18n';

/**
 * What a file's readable header says, in words, shown before the passphrase is asked for: kind, from and to,
 * community, date and counts. The header holds nothing personal (format.ts), so saying it aloud gives nothing away.
 */
export function fileSummary(t: TFunction, header: TransferHeader, lang: 'uk' | 'en'): string {
  const place = (code: string | null) => (code === CENTRAL_CODE ? t('backup.council') : (code ?? '?'));
  const count = (name: string) => header.collections[name]?.count ?? 0;
  const values = {
    from: place(header.from),
    to: place(header.to),
    community: header.community ?? t('backup.summaryNoCommunity'),
    time: formatDateTime(header.createdAt, lang),
    appeals: count('appeals'),
    events: count('events'),
    files: count('files'),
  };
  return header.kind === 'backup' ? t('backup.summaryBackup', values) : t('backup.summaryTransfer', values);
}
