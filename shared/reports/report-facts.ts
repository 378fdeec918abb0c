/**
 * What a report needs of one appeal, computed once when its register row is written, so that a year's report of a
 * whole community (150,000 appeals, 300,000 events) is counted from the register in memory instead of reading and
 * opening every sealed appeal and event again.
 *
 * The facts are exact, not an approximation of build-report.ts's fold at the cut-off:
 * - the card (every amendment applied, whatever its date) is the same at any cut-off, so each classifier section's
 *   codes are taken from it once;
 * - the state at a cut-off is the fold of the events whose day (timeliness.ts `eventDay`) is on or before it, so it
 *   can only change on such a day: one step per distinct day, each holding what `timelinessOf` reads of the state
 *   from that day on. A cut-off picks the last step that starts on or before it.
 *
 * Stored in the register row as a JSON array (sealed at rest with the row), read back with `decodeFacts`.
 */
import type { Appeal, AppealDraft } from '../domain/appeal/appeal.types';
import type { AppealEvent } from '../domain/events/event.types';
import { foldAppeal } from '../domain/events/fold';
import type { IsoDate } from '../lib/dates';
import { NOT_STATED, SECTIONS } from './sections';
import { eventDay, eventsKnownAt, type TimelinessInput, timelinessInputOf } from './timeliness';

/** The state from `from` on (an empty `from`: before the first dated event). */
export interface FactStep extends TimelinessInput {
  from: IsoDate | '';
}

export interface ReportFacts {
  villageId: string;
  /** The date received on the current card. */
  receivedOn: IsoDate;
  /** Per classifier section (SECTIONS' order), the codes the appeal counts under. */
  codes: string[][];
  /** By `from`, ascending; the first starts at ''. */
  steps: FactStep[];
}

/** Codes of one section; a damaged card counts as not stated instead of failing the whole report. */
function safeCodes(codesOf: () => unknown[]): string[] {
  try {
    return codesOf().map((code) => (typeof code === 'string' ? code : NOT_STATED));
  } catch {
    return [NOT_STATED];
  }
}

/** The report facts of an appeal from its document and all its events. */
export function reportFactsOf(appeal: Appeal, events: readonly AppealEvent[]): ReportFacts {
  const days = new Set<IsoDate>();
  for (const e of events) {
    if (e.kind === 'amended') continue;
    const day = eventDay(e);
    if (day !== null) days.add(day);
  }
  const steps: FactStep[] = [];
  let card: AppealDraft = appeal;
  // '' is before every day: only the amendments, which apply at any cut-off.
  for (const from of ['' as const, ...[...days].sort()]) {
    const state = foldAppeal(appeal, eventsKnownAt(events, from as IsoDate));
    card = state.current;
    const step: FactStep = { from, ...timelinessInputOf(state) };
    const last = steps[steps.length - 1];
    if (!last || !sameInput(last, step)) steps.push(step);
  }
  return {
    villageId: appeal.villageId,
    receivedOn: card.receivedOn,
    codes: SECTIONS.map((s) => safeCodes(() => s.codesOf(card))),
    steps,
  };
}

function sameInput(a: TimelinessInput, b: TimelinessInput): boolean {
  return (
    a.status === b.status &&
    a.notConsidered === b.notConsidered &&
    a.isExtended === b.isExtended &&
    a.isOpen === b.isOpen &&
    a.dueDate === b.dueDate &&
    a.reply === b.reply
  );
}

/** The state the register knew at the end of the cut-off day. */
export function stepAt(facts: ReportFacts, cutoff: IsoDate): FactStep {
  let found = facts.steps[0] as FactStep;
  for (const step of facts.steps) {
    if (step.from <= cutoff) found = step;
    else break;
  }
  return found;
}

type StepTuple = [from: string, status: string, flags: number, dueDate: string, reply: string | null];

/** The facts as the compact text the register row keeps (one JSON array, no key names). */
export function encodeFacts(facts: ReportFacts): string {
  const steps: StepTuple[] = facts.steps.map((s) => [
    s.from,
    s.status,
    (s.notConsidered ? 1 : 0) | (s.isExtended ? 2 : 0) | (s.isOpen ? 4 : 0),
    s.dueDate,
    s.reply,
  ]);
  return JSON.stringify([facts.villageId, facts.receivedOn, facts.codes, steps]);
}

/** Reads `encodeFacts`' text back; null when it is missing or not what encodeFacts writes. */
export function decodeFacts(text: unknown): ReportFacts | null {
  if (typeof text !== 'string' || text === '') return null;
  try {
    const [villageId, receivedOn, codes, steps] = JSON.parse(text) as [string, IsoDate, string[][], StepTuple[]];
    if (typeof villageId !== 'string' || !Array.isArray(codes) || !Array.isArray(steps) || steps.length === 0) return null;
    return {
      villageId,
      receivedOn,
      codes,
      steps: steps.map(([from, status, flags, dueDate, reply]) => ({
        from,
        status: status as FactStep['status'],
        notConsidered: (flags & 1) !== 0,
        isExtended: (flags & 2) !== 0,
        isOpen: (flags & 4) !== 0,
        dueDate,
        reply,
      })),
    };
  } catch {
    return null;
  }
}
