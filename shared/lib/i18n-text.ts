/** A message or label in both UI languages; Ukrainian is the primary one. */
export interface LocalizedText {
  uk: string;
  en: string;
}

/** Supported UI languages, Ukrainian first. */
export const LANGUAGES = ['uk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
