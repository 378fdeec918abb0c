import { useTranslation } from 'react-i18next';
import { controlProps, Field } from '../../ui/Field';

interface Props {
  id: string;
  first: string;
  second: string;
  onChange: (first: string, second: string) => void;
  error: string | undefined;
  label?: string;
}

/** A new operator password, typed twice (a typo in a single field would lock the register for good). */
export function NewPassword({ id, first, second, onChange, error, label }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Field id={id} label={label ?? t('lock.password')} hint={t('lock.passwordHint')}>
        <input
          {...controlProps(id, undefined, true)}
          type="password"
          autoComplete="new-password"
          value={first}
          onChange={(e) => onChange(e.target.value, second)}
        />
      </Field>
      <Field id={`${id}-repeat`} label={t('lock.passwordRepeat')} error={error}>
        <input
          {...controlProps(`${id}-repeat`, error)}
          type="password"
          autoComplete="new-password"
          value={second}
          onChange={(e) => onChange(first, e.target.value)}
        />
      </Field>
    </>
  );
}
