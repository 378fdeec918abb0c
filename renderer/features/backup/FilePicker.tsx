import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  label: string;
  accept: string;
  onFile: (file: File) => Promise<void>;
}

/**
 * A file input that hands over one file and can take the same file again afterwards. Like the attachments' picker,
 * the native input (which would speak the browser's language) is hidden from sight, not from the keyboard, under a
 * button-looking label with our own words.
 */
export function FilePicker({ id, label, accept, onFile }: Props) {
  const { t } = useTranslation();
  const [isBusy, setBusy] = useState(false);
  const onChange = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      await onFile(file);
    } finally {
      setBusy(false);
      input.value = '';
    }
  };
  return (
    <div className="field file-picker">
      <input id={id} className="file-input" type="file" accept={accept} onChange={(e) => void onChange(e)} disabled={isBusy} />
      <label htmlFor={id} className="file-button">
        {label}
      </label>
      {isBusy && <small className="hint">{t('backup.reading')}</small>}
    </div>
  );
}
