import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';
import { CENTRAL_CODE } from '../../../shared/transfer/acceptance';
import { FILE_EXTENSION } from '../../../shared/transfer/format';
import { useApp } from '../../app/app-context';
import { Field } from '../../ui/Field';
import { saveFile } from '../../ui/save-file';
import { CommunityCode } from './CommunityCode';
import { FilePicker } from './FilePicker';
import { OutcomeLine } from './OutcomeLine';
import { failure, importedText, madeText, type Outcome, refusal } from './outcome';

/** Transfer files for a village without signal: make one for the other side, import one from it. */
export function TransferSection() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const { records, profile } = useApp();
  const isCentral = profile.villageCode === CENTRAL_CODE;
  const [target, setTarget] = useState('');
  const [targetError, setTargetError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const make = async (e: FormEvent) => {
    e.preventDefault();
    setOutcome(null);
    const to = isCentral ? target.trim().toLowerCase() : CENTRAL_CODE;
    if (isCentral && (!isVillageCode(to) || to === CENTRAL_CODE)) return setTargetError(t('backup.villageInvalid'));
    setTargetError(undefined);
    try {
      const result = await records.makeTransfer(to);
      if (!result.ok) return setOutcome(refusal(result.error, lang));
      saveFile(result.value.fileName, result.value.bytes);
      setOutcome(madeText(t, 'backup.madeTransfer', result.value));
    } catch (error) {
      setOutcome(failure(t, error));
    }
  };

  const onFile = async (file: File) => {
    setOutcome(null);
    try {
      const result = await records.importTransfer(file);
      setOutcome(result.ok ? importedText(t, 'backup.imported', result.value) : refusal(result.error, lang));
    } catch (error) {
      setOutcome(failure(t, error));
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
        <button type="submit">{isCentral ? t('backup.makeForVillage') : t('backup.makeForCouncil')}</button>
      </form>
      <FilePicker id="transfer-import" label={t('backup.importTransfer')} accept={FILE_EXTENSION.transfer} onFile={onFile} />
      <OutcomeLine outcome={outcome} />
    </section>
  );
}
