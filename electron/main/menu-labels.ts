/** User-facing labels of the application menu, Ukrainian first (docs/conventions.md: text lives in catalogs). */
import type { Language } from '../../shared/ipc/contract';

export interface MenuLabels {
  file: string;
  newAppeal: string;
  /** Locks the register (the lock screen until an operator signs in again). */
  lock: string;
  quit: string;
  view: string;
  register: string;
  overview: string;
  find: string;
  language: string;
  reload: string;
  forceReload: string;
  devTools: string;
  help: string;
  about: string;
}

/** Language names stay in their own language in both menus, so a user can always find their way back. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { uk: 'Українська', en: 'English' };

export const MENU_LABELS: Readonly<Record<Language, MenuLabels>> = {
  uk: {
    file: '&Файл',
    newAppeal: 'Нове звернення',
    lock: 'Заблокувати',
    quit: 'Вийти',
    view: '&Вигляд',
    register: 'Реєстр',
    overview: 'Огляд',
    find: 'Пошук',
    language: 'Мова',
    reload: 'Перезавантажити',
    forceReload: 'Перезавантажити без кешу',
    devTools: 'Інструменти розробника',
    help: '&Довідка',
    about: 'Про програму',
  },
  en: {
    file: '&File',
    newAppeal: 'New appeal',
    lock: 'Lock',
    quit: 'Quit',
    view: '&View',
    register: 'Register',
    overview: 'Overview',
    find: 'Find',
    language: 'Language',
    reload: 'Reload',
    forceReload: 'Force reload',
    devTools: 'Developer tools',
    help: '&Help',
    about: 'About',
  },
};
