import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/domain/problem';
import type { Result } from '../../../shared/lib/result';
import { FILE_EXTENSION, type FilePreview, type TransferKind } from '../../../shared/transfer/format';
import type { ImportReport, TransferProgress } from '../../data/records';
import { controlProps, Field } from '../../ui/Field';
import { FilePicker } from './FilePicker';
import { fileSummary } from './file-summary';
import { OutcomeLine } from './OutcomeLine';
import { failure, type Outcome, refusal } from './outcome';
import { ProgressLine } from './ProgressLine';

interface Props {
  /** Id of the file input; the passphrase input is `<id>-passphrase`. */
  id: string;
  kind: TransferKind;
  label: string;
  preview: (file: File) => Promise<Result<FilePreview, Problem>>;
  open: (
    file: File,
    passphrase: string,
    onProgress: (progress: TransferProgress) => void,
  ) => Promise<Result<ImportReport, Problem>>;
  /** The outcome line of a successful import. */
  describe: (report: ImportReport) => Outcome;
  onOpened?: (report: ImportReport) => Promise<void>;
}

/**
 * Opening a backup or transfer file in two steps: pick it, and see what its readable header says (or why it cannot
 * be opened here) before typing the passphrase; then decrypt and import. A wrong passphrase keeps the file picked so
 * the operator can type it again; the passphrase is cleared after every try and never stored.
 */
export function OpenFile({ id, kind, label, preview, open, describe, onOpened }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const [picked, setPicked] = useState<{ file: File; preview: FilePreview } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [wasPlain, setWasPlain] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | null>(null);

  const onFile = async (file: File) => {
    setOutcome(null);
    setWasPlain(false);
    setPicked(null);
    try {
      const result = await preview(file);
      if (!result.ok) return setOutcome(refusal(result.error, lang));
      setPicked({ file, preview: result.value });
    } catch (e) {
      setOutcome(failure(t, e));
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!picked) return;
    if (picked.preview.isEncrypted && passphrase === '') return setError(t('backup.passphraseMissing'));
    setError(undefined);
    setBusy(true);
    setOutcome(null);
    setProgress({ phase: 'decrypting', done: 0, total: 0 });
    try {
      const result = await open(picked.file, passphrase, setProgress);
      setPassphrase('');
      if (!result.ok) {
        setOutcome(refusal(result.error, lang));
        if (result.error.code !== 'wrong-passphrase') setPicked(null);
        return;
      }
      setPicked(null);
      setWasPlain(!result.value.wasEncrypted);
      setOutcome(describe(result.value));
      await onOpened?.(result.value);
    } catch (e) {
      setOutcome(failure(t, e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const passphraseId = `${id}-passphrase`;
  return (
    <div>
      <FilePicker id={id} label={label} accept={FILE_EXTENSION[kind]} onFile={onFile} />
      {picked && (
        <form onSubmit={(e) => void submit(e)} noValidate data-testid={`${id}-confirm`}>
          <p className="notice" data-testid="file-summary">
            {fileSummary(t, picked.preview.header, lang)}
          </p>
          {picked.preview.isEncrypted ? (
            <Field id={passphraseId} label={t('backup.passphraseOpen')} error={error} hint={t('backup.passphraseOpenHint')}>
              <input
                {...controlProps(passphraseId, error, true)}
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </Field>
          ) : (
            <UnencryptedWarning />
          )}
          <div className="row">
            <button type="submit" className="primary" disabled={isBusy}>
              {kind === 'backup' ? t('backup.restoreConfirm') : t('backup.importConfirm')}
            </button>
            <button type="button" disabled={isBusy} onClick={() => setPicked(null)}>
              {t('backup.cancel')}
            </button>
          </div>
        </form>
      )}
      <ProgressLine progress={progress} />
      <OutcomeLine outcome={outcome} />
      {wasPlain && <UnencryptedWarning />}
    </div>
  );
}

/** A version 1 file travelled unencrypted: say so, and what to do about it. */
function UnencryptedWarning() {
  const { t } = useTranslation();
  return (
    <p className="error" role="note" data-testid="unencrypted-warning">
      {t('backup.unencrypted')}
    </p>
  );
}
