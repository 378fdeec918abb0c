/**
 * The application menu. Menu items only send commands; the renderer owns the screens and decides what
 * each command does. Language switching also rebuilds this menu (index.ts) so it follows the UI language.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Language, MenuCommand } from '../../shared/ipc/contract';
import { LANGUAGE_NAMES, MENU_LABELS } from './menu-labels';

export interface MenuOptions {
  language: Language;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  onCommand(command: MenuCommand): void;
}

/** Builds the menu template (pure, so tests can read labels and click items without Electron). */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_LABELS[options.language];
  const command = (cmd: MenuCommand) => () => options.onCommand(cmd);
  const languageItem = (lang: Language, cmd: MenuCommand): MenuItemConstructorOptions => ({
    id: `language-${lang}`,
    label: LANGUAGE_NAMES[lang],
    type: 'radio',
    checked: options.language === lang,
    click: command(cmd),
  });
  const developerItems: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { type: 'separator' },
        { id: 'reload', label: t.reload, role: 'reload' },
        { id: 'force-reload', label: t.forceReload, role: 'forceReload' },
        { id: 'dev-tools', label: t.devTools, role: 'toggleDevTools' },
      ];
  const template: MenuItemConstructorOptions[] = [
    {
      id: 'file',
      label: t.file,
      submenu: [
        { id: 'new-appeal', label: t.newAppeal, accelerator: 'CmdOrCtrl+N', click: command('new-appeal') },
        { type: 'separator' },
        { id: 'lock', label: t.lock, accelerator: 'CmdOrCtrl+L', click: command('lock') },
        { type: 'separator' },
        { id: 'quit', label: t.quit, role: 'quit', accelerator: 'CmdOrCtrl+Q' },
      ],
    },
    {
      id: 'view',
      label: t.view,
      submenu: [
        { id: 'open-register', label: t.register, click: command('open-register') },
        { id: 'open-overview', label: t.overview, click: command('open-overview') },
        { id: 'find', label: t.find, accelerator: 'CmdOrCtrl+F', click: command('find') },
        { type: 'separator' },
        {
          id: 'language',
          label: t.language,
          submenu: [languageItem('uk', 'set-language-uk'), languageItem('en', 'set-language-en')],
        },
        ...developerItems,
      ],
    },
    { id: 'help', label: t.help, submenu: [{ id: 'about', label: t.about, click: command('about') }] },
  ];
  // macOS expects the first menu to be the app menu (and copy/paste shortcuts need an Edit menu there).
  if (options.platform === 'darwin') template.unshift({ role: 'appMenu' }, { role: 'editMenu' });
  return template;
}

/** Installs the menu for the given language. */
export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
