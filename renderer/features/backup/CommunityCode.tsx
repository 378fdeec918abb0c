import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isVillageCode } from '../../../shared/domain/indexes/reg-index';
import { useApp } from '../../app/app-context';
import { Field } from '../../ui/Field';

/**
 * The community code of this PC (shared/transfer/acceptance.ts): set once, here, by PCs whose profile does not have it
 * yet; shown afterwards. Like the village code it is never changed, since files name it.
 */
export function CommunityCode() {
  const { t } = useTranslation();
  const { profile, setProfile } = useApp();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | undefined>();
  if (profile.communityCode) return <p>{t('backup.communitySet', { code: profile.communityCode })}</p>;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = code.trim().toLowerCase();
    if (!isVillageCode(value)) return setError(t('backup.communityInvalid'));
    setError(undefined);
    await setProfile({ ...profile, communityCode: value });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Field id="backup-community" label={t('backup.community')} error={error} hint={t('backup.communityHint')}>
        <input id="backup-community" value={code} onChange={(e) => setCode(e.target.value)} />
      </Field>
      <button type="submit">{t('backup.communitySave')}</button>
    </form>
  );
}
