import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/domain/files/chunks';
import type { FilePickerState } from './use-file-picker';

/**
 * A file input for scans and photos, the files chosen so far, and why any file was refused. The native input
 * would say "Choose Files / No file chosen" in the browser's language, whatever the app's: it is hidden from
 * sight (not from the keyboard or screen readers) under a button-looking label with our own words.
 */
export function FilePicker({ picker }: { picker: FilePickerState }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const hintId = useId();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <div className="file-picker">
      <input
        id={id}
        className="file-input"
        type="file"
        multiple
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        aria-describedby={hintId}
        onChange={(e) => {
          void picker.add(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
      <label htmlFor={id} className="file-button">
        {t('files.pick')}
      </label>{' '}
      <span id={hintId} className="hint">
        {t('files.add')}
      </span>
      <p className="file-summary" aria-live="polite">
        {picker.chosen.length === 0 ? t('files.noneChosen') : t('files.chosenCount', { count: picker.chosen.length })}
      </p>
      {picker.isPreparing && <p role="status">{t('files.preparing')}</p>}
      {picker.refused.length > 0 && (
        <ul className="problems" role="alert" aria-label={t('files.refused')}>
          {picker.refused.map((p) => (
            <li key={`${p.code}:${p.message.en}`}>{p.message[lang]}</li>
          ))}
        </ul>
      )}
      {picker.chosen.length > 0 && (
        <ul className="file-chosen" aria-label={t('files.chosen')}>
          {picker.chosen.map((f, i) => (
            <li key={`${f.sha256}:${f.name}`}>
              {t('files.chosenItem', { name: f.name, size: formatSize(f.bytes.byteLength, lang) })}{' '}
              <button type="button" onClick={() => picker.remove(i)}>
                {t('files.remove', { name: f.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
