import { useTranslation } from 'react-i18next';
import { setLanguage } from './i18n';

/** The two language buttons (Ukrainian first), each naming its language in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang" role="group" aria-label={t('nav.language')}>
      <button type="button" aria-pressed={i18n.language === 'uk'} onClick={() => void setLanguage('uk')}>
        Українська
      </button>
      <button type="button" aria-pressed={i18n.language === 'en'} onClick={() => void setLanguage('en')}>
        English
      </button>
    </div>
  );
}
