import { useTranslation } from 'react-i18next';
import type { TransferProgress } from '../../data/records';

/** The i18n key of each phase's line (`done` and `total` go into the counted ones). */
const KEYS = {
  reading: 'backup.progressReading',
  encrypting: 'backup.progressEncrypting',
  decrypting: 'backup.progressDecrypting',
  checking: 'backup.progressChecking',
  writing: 'backup.progressWriting',
} as const;

/**
 * How far a backup, restore or transfer file has come, in words and as a bar: at 150,000 appeals these take minutes on
 * an old PC, and a screen that shows nothing meanwhile looks hung. One-step phases (encrypting, decrypting) show a bar
 * without a value, which the browser draws as "working".
 */
export function ProgressLine({ progress }: { progress: TransferProgress | null }) {
  const { t, i18n } = useTranslation();
  if (!progress) return null;
  const locale = i18n.language === 'en' ? 'en' : 'uk-UA';
  const { phase, done, total } = progress;
  const text = t(KEYS[phase], { done: done.toLocaleString(locale), total: total.toLocaleString(locale) });
  return (
    <p className="notice" role="status" data-testid="backup-progress">
      <span>{text}</span> {total > 0 ? <progress value={done} max={total} aria-label={text} /> : <progress aria-label={text} />}
    </p>
  );
}
