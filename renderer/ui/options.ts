/** An option of a select or a checkbox list. */
export interface Option {
  value: string;
  label: string;
}

/** Turns bilingual reference items into options in the UI language. */
export function toOptions(items: readonly { code: string; uk: string; en: string }[], lang: string): Option[] {
  return items.map((i) => ({ value: i.code, label: lang === 'en' ? i.en : i.uk }));
}
