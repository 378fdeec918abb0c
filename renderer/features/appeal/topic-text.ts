import type { TFunction } from 'i18next';
import { isKnownCode, labelOf, TOPICS } from '../../../shared/reference';

type Translate = TFunction;

/**
 * The label of an issue topic; a code this version does not know (a newer classifier list, the record came by sync)
 * is shown as such, with the advice to update, never as a blank.
 */
export function topicLabel(code: string, lang: 'uk' | 'en', t: Translate): string {
  return isKnownCode(TOPICS, code) ? labelOf(TOPICS, code, lang) : t('reference.unknownCode', { code });
}

/** `code — label`, or the unknown-code text (which names the code itself). */
export function topicLine(code: string, lang: 'uk' | 'en', t: Translate): string {
  return isKnownCode(TOPICS, code) ? `${code} — ${labelOf(TOPICS, code, lang)}` : t('reference.unknownCode', { code });
}

/** The label for a paper that prints the code beside it: a code this version does not know says so. */
export function topicLabelBesideCode(code: string, lang: 'uk' | 'en', t: Translate): string {
  return isKnownCode(TOPICS, code) ? labelOf(TOPICS, code, lang) : t('reference.unknownLabel');
}
