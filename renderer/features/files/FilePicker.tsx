import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../../shared/domain/files/chunks';
import type { FilePickerState } from './use-file-picker';

/** A file input for scans and photos, the files chosen so far, and why any file was refused. */
export function FilePicker({ picker, label }: { picker: FilePickerState; label: string }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <div className="file-picker">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        multiple
        accept=".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf"
        onChange={(e) => {
          void picker.add(e.currentTarget.files);
          e.currentTarget.value = '';
        }}
      />
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
              {f.name} ({formatSize(f.bytes.byteLength, lang)}){' '}
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
