/**
 * Versioned reference data (classifier of citizens' appeals, Cabinet resolution No. 858, and the project's own lists)
 * with Ukrainian and English labels. The lists live in JSON so the central office can extend them without code changes;
 * stored appeals keep codes, never labels, so a relabelled item still reads correctly.
 */
import answerOutcomes from './answer-outcomes.json';
import appealTypes from './appeal-types.json';
import applicantCategories from './applicant-categories.json';
import eventKinds from './event-kinds.json';
import notConsideredReasons from './not-considered-reasons.json';
import receiptForms from './receipt-forms.json';
import receiptSigns from './receipt-signs.json';
import sexes from './sexes.json';
import socialStatuses from './social-statuses.json';
import subjects from './subjects.json';
import topics from './topics.json';

/** One entry of a reference list: a stable code and its labels. */
export interface ReferenceItem {
  code: string;
  uk: string;
  en: string;
}

/** The shape of every reference JSON file. */
export interface ReferenceFile {
  version: number;
  items: readonly ReferenceItem[];
}

function items(file: ReferenceFile): readonly ReferenceItem[] {
  return Object.freeze(file.items.map((item) => Object.freeze({ code: item.code, uk: item.uk, en: item.en })));
}

/** Classifier section 1: form of receipt. */
export const RECEIPT_FORMS = items(receiptForms);
/** Classifier section 2: receipt sign (first, repeat, duplicate, recurring, mass). */
export const RECEIPT_SIGNS = items(receiptSigns);
/** Classifier section 3 / art. 3 of the law: proposal, application, complaint. */
export const APPEAL_TYPES = items(appealTypes);
/** Classifier section 5: individual, collective, anonymous. */
export const SUBJECTS = items(subjects);
/** Classifier section 4: sex of the author (plus "not stated" for collective and anonymous appeals). */
export const SEXES = items(sexes);
/** Classifier section 7: author categories; several may apply to one applicant. */
export const APPLICANT_CATEGORIES = items(applicantCategories);
/** Classifier section 8: social status of the author. */
export const SOCIAL_STATUSES = items(socialStatuses);
/** Top level of the issue-topic classifier. */
export const TOPICS = items(topics);
/** Art. 8 grounds on which an appeal is registered but not considered. */
export const NOT_CONSIDERED_REASONS = items(notConsideredReasons);
/** Outcomes of consideration. */
export const ANSWER_OUTCOMES = items(answerOutcomes);
/** Human labels of the event kinds. */
export const EVENT_KIND_LABELS = items(eventKinds);

/** Version of the reference data set; bump it in every JSON file and here together when a list changes. */
export const REFERENCE_VERSION = 1;

/** Every reference file with its name, for consistency checks. */
export const REFERENCE_FILES: Readonly<Record<string, ReferenceFile>> = Object.freeze({
  'receipt-forms': receiptForms,
  'receipt-signs': receiptSigns,
  'appeal-types': appealTypes,
  subjects,
  sexes,
  'applicant-categories': applicantCategories,
  'social-statuses': socialStatuses,
  topics,
  'not-considered-reasons': notConsideredReasons,
  'answer-outcomes': answerOutcomes,
  'event-kinds': eventKinds,
});

/** The label of a code in the given language; falls back to the code itself when the list does not know it. */
export function labelOf(list: readonly ReferenceItem[], code: string, lang: 'uk' | 'en'): string {
  const item = list.find((i) => i.code === code);
  return item ? item[lang] : code;
}

/** True when the list contains the code. */
export function hasCode(list: readonly ReferenceItem[], code: string): boolean {
  return list.some((i) => i.code === code);
}

/** True when the list knows the code (a record from a newer version of the app may carry codes this one lacks). */
export function isKnownCode(list: readonly ReferenceItem[], code: string): boolean {
  return list.some((i) => i.code === code);
}
