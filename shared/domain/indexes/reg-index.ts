/**
 * Registration indexes (Instruction on record-keeping, Cabinet resolution No. 348): the first letter of the applicant's
 * surname plus a sequence number, `КО` for a collective appeal and `БП` for an unsigned (anonymous) one.
 *
 * Offline PCs allocate them without a server, so each PC numbers under its own prefix: `<VILLAGE>.<WS>-<LETTER>-<SEQ>`,
 * e.g. `HLB.1-Б-17`. VILLAGE is the village code (unique in the community, it also names the CouchDB database
 * `ov-<community>-v-<code>`), WS the workstation number the PC got at setup (unique inside the village). SEQ runs per prefix, not per
 * letter, so `(VILLAGE, WS, SEQ)` alone is unique and the letter only helps people find the card in a paper file.
 */
import { AppError } from '../../lib/result';
import type { AppealDraft } from '../appeal/appeal.types';

/** Village codes: lowercase Latin letter, then 1–19 of lowercase letters, digits, underscore (CouchDB-safe). */
const VILLAGE_CODE = /^[a-z][a-z0-9_]{1,19}$/;

/** Index letters of a collective appeal (колективне). */
export const COLLECTIVE_LETTER = 'КО';
/** Index letters of an unsigned or anonymous appeal (без підпису). */
export const UNSIGNED_LETTER = 'БП';

/** Highest workstation number of one village. */
export const MAX_WORKSTATION = 99;

const REG_INDEX = /^([A-Z][A-Z0-9_]{1,19})\.([1-9]\d?)-(КО|БП|\p{L})-([1-9]\d{0,15})$/u;

/** True for a valid village code, e.g. `hlb`, `nova_selyshche2`. */
export function isVillageCode(s: unknown): s is string {
  return typeof s === 'string' && VILLAGE_CODE.test(s);
}

/** True for a workstation number: an integer 1–99. */
export function isWorkstation(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_WORKSTATION;
}

/** The prefix a PC allocates under, e.g. `HLB.1`. Throws on an invalid code or number: setup must have checked them. */
export function indexPrefix(villageCode: string, workstation: number): string {
  if (!isVillageCode(villageCode)) throw new AppError('invalid-village-code', `Invalid village code: ${String(villageCode)}`);
  if (!isWorkstation(workstation)) throw new AppError('invalid-workstation', `Invalid workstation: ${String(workstation)}`);
  return `${villageCode.toUpperCase()}.${workstation}`;
}

/** Uppercases one letter the Ukrainian way; keeps it when its uppercase is not a single letter (e.g. `ŉ`). */
function upperLetter(letter: string): string {
  const upper = letter.toLocaleUpperCase('uk-UA');
  return [...upper].length === 1 ? upper : letter;
}

/**
 * The index letter: `КО` for a collective appeal; `БП` for an anonymous one or when there is no surname; otherwise the
 * first letter of the surname (NFC, so `И` + combining breve is `Й`), uppercased: `єва` → `Є`, `ґудзь` → `Ґ`.
 */
export function indexLetter(draft: Pick<AppealDraft, 'subject' | 'surname'>): string {
  if (draft.subject === 'collective') return COLLECTIVE_LETTER;
  if (draft.subject === 'anonymous' || typeof draft.surname !== 'string') return UNSIGNED_LETTER;
  const first = /\p{L}/u.exec(draft.surname.normalize('NFC'));
  return first ? upperLetter(first[0]) : UNSIGNED_LETTER;
}

/** The parts of a registration index. */
export interface RegIndexParts {
  villageCode: string;
  workstation: number;
  letter: string;
  seq: number;
}

/** Formats the parts as `<VILLAGE>.<WS>-<LETTER>-<SEQ>`. Throws on invalid parts (a programming error). */
export function formatRegIndex(parts: RegIndexParts): string {
  const { letter, seq } = parts;
  if (!Number.isSafeInteger(seq) || seq < 1) throw new AppError('invalid-sequence', `Invalid sequence: ${String(seq)}`);
  if (letter !== COLLECTIVE_LETTER && letter !== UNSIGNED_LETTER && !/^\p{L}$/u.test(letter)) {
    throw new AppError('invalid-letter', `Invalid index letter: ${letter}`);
  }
  return `${indexPrefix(parts.villageCode, parts.workstation)}-${letter}-${seq}`;
}

/**
 * The next index of this PC. `lastSeq` is the highest sequence already used under this prefix (0 when none), read by
 * the caller from its local database, which always holds its own PC's appeals, so a restored backup continues after them.
 */
export function nextRegIndex(input: {
  villageCode: string;
  workstation: number;
  draft: Pick<AppealDraft, 'subject' | 'surname'>;
  lastSeq: number;
}): { regIndex: string; regSeq: number } {
  const { lastSeq } = input;
  if (!Number.isSafeInteger(lastSeq) || lastSeq < 0)
    throw new AppError('invalid-sequence', `Invalid last sequence: ${String(lastSeq)}`);
  const regSeq = lastSeq + 1;
  const regIndex = formatRegIndex({
    villageCode: input.villageCode,
    workstation: input.workstation,
    letter: indexLetter(input.draft),
    seq: regSeq,
  });
  return { regIndex, regSeq };
}

/** The parts of a registration index, or null when the string is not one. */
export function parseRegIndex(s: string): RegIndexParts | null {
  if (typeof s !== 'string') return null;
  const m = REG_INDEX.exec(s);
  if (!m) return null;
  const seq = Number(m[4]);
  if (!Number.isSafeInteger(seq)) return null;
  return { villageCode: (m[1] as string).toLowerCase(), workstation: Number(m[2]), letter: m[3] as string, seq };
}
