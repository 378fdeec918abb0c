/** Main-process preferences that must survive restarts (today: the menu language). */
import type { Language } from '../../shared/ipc/contract';
import { isLanguage } from '../../shared/ipc/guards';
import { readJsonFile, writeJsonFile } from './json-file';
import type { Logger } from './logger';

export interface MainSettings {
  language: Language;
}

/** Ukrainian first: the app is for Ukrainian village offices. */
export const DEFAULT_SETTINGS: MainSettings = { language: 'uk' };

/** Reads settings; unknown or corrupt values fall back to the defaults field by field. */
export function loadSettings(file: string): MainSettings {
  const read = readJsonFile(file);
  const raw = read.status === 'ok' ? read.value : undefined;
  const language = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).language : undefined;
  return { language: isLanguage(language) ? language : DEFAULT_SETTINGS.language };
}

/** Persists settings; a failure is logged and the in-memory value still applies for this run. */
export function saveSettings(file: string, settings: MainSettings, log: Logger): void {
  try {
    writeJsonFile(file, settings);
  } catch (error) {
    log.warn('settings not saved', { error: String(error) });
  }
}
