import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  id: string;
  label: string;
  accept: string;
  onFile: (file: File) => Promise<void>;
}

/** A labelled file input that hands over one file and can take the same file again afterwards. */
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
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="file" accept={accept} onChange={(e) => void onChange(e)} disabled={isBusy} />
      {isBusy && <small className="hint">{t('backup.reading')}</small>}
    </div>
  );
}
