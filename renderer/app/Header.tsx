import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useApp } from './app-context';
import { lockNow } from './session';
import { type Route, routeHash } from './use-route';

const LINKS: { route: Route; key: string }[] = [
  { route: { name: 'register' }, key: 'nav.register' },
  { route: { name: 'new' }, key: 'nav.new' },
  { route: { name: 'overview' }, key: 'nav.overview' },
  { route: { name: 'reports' }, key: 'reports.nav' },
  { route: { name: 'backup' }, key: 'backup.nav' },
  { route: { name: 'operators' }, key: 'lock.operatorsNav' },
];

/** Top bar: the app, the village, the screens and the language switch. */
export function Header({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { profile } = useApp();
  return (
    <header className="header">
      <div className="brand">
        <strong>{t('app.name')}</strong>
        <span className="village">
          {profile.role === 'central'
            ? `${t('roles.central')}: ${profile.operatorName}`
            : `${profile.villageName} · ${t(`roles.${profile.role}`)}: ${profile.operatorName}`}
        </span>
      </div>
      <nav aria-label={t('nav.label')}>
        {LINKS.map((l) => (
          <a key={l.key} href={routeHash(l.route)} aria-current={route.name === l.route.name ? 'page' : undefined}>
            {t(l.key)}
          </a>
        ))}
        <a href="#/setup">{t('nav.setup')}</a>
      </nav>
      <LanguageSwitch />
      <button type="button" className="lock-button" onClick={lockNow} title={t('lock.lockHint')}>
        {t('lock.lock')}
      </button>
    </header>
  );
}
