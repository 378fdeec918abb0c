import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/lib/i18n-text';
import en from './en.json';
import uk from './uk.json';

const STORAGE_KEY = 'ov.language';

/** The language chosen on this PC; Ukrainian unless the user switched. */
export function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'uk';
  } catch {
    // Storage can be unavailable (privacy mode); Ukrainian is the default anyway.
    return 'uk';
  }
}

/** Initialises i18next with the Ukrainian and English catalogs. */
export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: { uk: { translation: uk }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: 'uk',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  document.title = i18next.t('app.name');
  return i18next;
}

/** Switches the UI language and remembers it. */
export async function setLanguage(lang: Language): Promise<void> {
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  document.title = i18next.t('app.name');
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered in privacy mode; the switch still works for this session.
  }
}

/** Formats a calendar date in the UI language (Ukrainian: 27.11.2026). */
export function formatDate(iso: string | null | undefined, lang: string): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'uk-UA', { timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** Formats a timestamp in the UI language, in the PC's time zone. */
export function formatDateTime(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'uk-UA', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}
