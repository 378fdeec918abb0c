import type { MenuItemConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, installMenu, type MenuOptions } from '../../../electron/main/menu';
import { MENU_LABELS } from '../../../electron/main/menu-labels';
import type { MenuCommand } from '../../../shared/ipc/contract';
import { fakeElectron, resetFakeElectron } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectron);

beforeEach(() => resetFakeElectron());

function menu(overrides: Partial<MenuOptions> = {}) {
  const commands: MenuCommand[] = [];
  const template = buildMenuTemplate({
    language: 'uk',
    isPackaged: true,
    platform: 'win32',
    onCommand: (cmd) => commands.push(cmd),
    ...overrides,
  });
  return { template, commands };
}

const strip = (label: string | undefined) => label?.replace('&', '');
const submenu = (item: MenuItemConstructorOptions | undefined) => (item?.submenu ?? []) as MenuItemConstructorOptions[];
/** Labels as the user sees them: top menus with their items (separators skipped). */
function outline(template: MenuItemConstructorOptions[]): Array<[string | undefined, Array<string | undefined>]> {
  return template.map((top) => [
    strip(top.label),
    submenu(top)
      .filter((i) => i.type !== 'separator')
      .map((i) => i.label),
  ]);
}
function find(template: MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    const inner = find(submenu(item), id);
    if (inner) return inner;
  }
  return undefined;
}
function click(item: MenuItemConstructorOptions | undefined): void {
  (item?.click as (() => void) | undefined)?.();
}

describe('application menu', () => {
  it('speaks Ukrainian by default', () => {
    expect(outline(menu().template)).toEqual([
      ['Файл', ['Нове звернення', 'Заблокувати', 'Вийти']],
      ['Вигляд', ['Реєстр', 'Огляд', 'Пошук', 'Мова']],
      ['Довідка', ['Про програму']],
    ]);
    expect(submenu(find(menu().template, 'language')).map((i) => i.label)).toEqual(['Українська', 'English']);
  });

  it('speaks English when switched', () => {
    expect(outline(menu({ language: 'en' }).template)).toEqual([
      ['File', ['New appeal', 'Lock', 'Quit']],
      ['View', ['Register', 'Overview', 'Find', 'Language']],
      ['Help', ['About']],
    ]);
  });

  it('has the same keys in both label catalogs', () => {
    expect(Object.keys(MENU_LABELS.en).sort()).toEqual(Object.keys(MENU_LABELS.uk).sort());
  });

  it('sends each command when its item is clicked', () => {
    const { template, commands } = menu();
    for (const id of ['new-appeal', 'lock', 'open-register', 'open-overview', 'find', 'about']) click(find(template, id));
    click(find(template, 'language-en'));
    click(find(template, 'language-uk'));
    expect(commands).toEqual([
      'new-appeal',
      'lock',
      'open-register',
      'open-overview',
      'find',
      'about',
      'set-language-en',
      'set-language-uk',
    ]);
  });

  it('binds Ctrl+N and Ctrl+F and marks the current language', () => {
    const { template } = menu({ language: 'en' });
    expect(find(template, 'new-appeal')?.accelerator).toBe('CmdOrCtrl+N');
    expect(find(template, 'find')?.accelerator).toBe('CmdOrCtrl+F');
    expect(find(template, 'lock')?.accelerator).toBe('CmdOrCtrl+L');
    expect(find(template, 'language-en')?.checked).toBe(true);
    expect(find(template, 'language-uk')?.checked).toBe(false);
    expect(find(template, 'quit')?.role).toBe('quit');
  });

  it('offers reload and devtools only in unpackaged builds', () => {
    expect(find(menu({ isPackaged: true }).template, 'dev-tools')).toBeUndefined();
    expect(find(menu({ isPackaged: true }).template, 'reload')).toBeUndefined();
    const dev = menu({ isPackaged: false, language: 'uk' }).template;
    expect(find(dev, 'reload')).toMatchObject({ role: 'reload', label: 'Перезавантажити' });
    expect(find(dev, 'dev-tools')).toMatchObject({ role: 'toggleDevTools', label: 'Інструменти розробника' });
  });

  it('adds the app and edit menus on macOS only', () => {
    expect(
      menu({ platform: 'darwin' })
        .template.slice(0, 2)
        .map((i) => i.role),
    ).toEqual(['appMenu', 'editMenu']);
    expect(menu({ platform: 'linux' }).template.some((i) => i.role === 'appMenu')).toBe(false);
  });

  it('installs the built menu as the application menu', () => {
    installMenu({ language: 'en', isPackaged: true, platform: 'linux', onCommand: () => undefined });
    const installed = fakeElectron.calls.menuTemplates as MenuItemConstructorOptions[][];
    expect(installed).toHaveLength(1);
    expect(strip(installed[0]?.[0]?.label)).toBe('File');
  });
});
