import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';
import { CENTRAL_CODE } from '../../../shared/transfer/acceptance';
import { useApp } from '../../app/app-context';
import type { TransferProgress } from '../../data/records';
import { Field } from '../../ui/Field';
import { saveFile } from '../../ui/save-file';
import { CommunityCode } from './CommunityCode';
import { EMPTY_PAIR, NewPassphrase, pairError } from './NewPassphrase';
import { OpenFile } from './OpenFile';
import { OutcomeLine } from './OutcomeLine';
import { failure, importedText, madeText, type Outcome, refusal } from './outcome';
import { ProgressLine } from './ProgressLine';

/** Transfer files for a village without signal: make one for the other side, import one from it. */
export function TransferSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const { records, profile } = useApp();
  const isCentral = profile.villageCode === CENTRAL_CODE;
  const [target, setTarget] = useState('');
  const [targetError, setTargetError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pair, setPair] = useState(EMPTY_PAIR);
  const [pairProblem, setPairProblem] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  const [progress, setProgress] = useState<TransferProgress | null>(null);

  const make = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const to = isCentral ? target.trim().toLowerCase() : CENTRAL_CODE;
    const badTarget = isCentral && (!isVillageCode(to) || to === CENTRAL_CODE);
    setTargetError(badTarget ? t('backup.villageInvalid') : undefined);
    const problem = pairError(t, pair);
    setPairProblem(problem);
    if (badTarget || problem) return;
    setBusy(true);
    try {
      const result = await records.makeTransfer(to, pair.first, setProgress);
      setPair(EMPTY_PAIR);
      if (!result.ok) return setOutcome(refusal(result.error, lang));
      saveFile(result.value.fileName, result.value.bytes);
      setOutcome(madeText(t, 'backup.madeTransfer', result.value));
    } catch (error) {
      setOutcome(failure(t, error));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  return (
    <section aria-labelledby="transfer-title">
      <h2 id="transfer-title">{t('backup.transferTitle')}</h2>
      <p>{isCentral ? t('backup.transferIntroCentral') : t('backup.transferIntroVillage')}</p>
      <CommunityCode />
      <form onSubmit={(e) => void make(e)} noValidate>
        {isCentral && (
          <Field id="transfer-target" label={t('backup.targetVillage')} error={targetError}>
            <input id="transfer-target" value={target} onChange={(e) => setTarget(e.target.value)} />
          </Field>
        )}
        <NewPassphrase
          id="transfer-passphrase"
          value={pair}
          onChange={(next) => {
            // The error stays until the next try would pass: it goes as soon as the passphrase is typed again.
            setPair(next);
            setPairProblem(undefined);
          }}
          error={pairProblem}
        />
        <button type="submit" disabled={isBusy}>
          {isCentral ? t('backup.makeForVillage') : t('backup.makeForCouncil')}
        </button>
      </form>
      <ProgressLine progress={progress} />
      <OutcomeLine outcome={outcome} />
      <OpenFile
        id="transfer-import"
        kind="transfer"
        label={t('backup.importTransfer')}
        preview={(file) => records.previewFile(file, 'transfer', profile)}
        open={(file, passphrase, onProgress) => records.importTransfer(file, passphrase, onProgress)}
        describe={(report) => importedText(t, 'backup.imported', report)}
      />
    </section>
  );
}
