/**
 * The quarterly / half-year / annual count tables (docs/domain.md, "Reports people expect"): appeals received in the period,
 * by each classifier section and by timeliness, one column per village and one for the total.
 *
 * - Period membership is by the date received on the current card (amendments applied), both ends included.
 * - Classifier values come from the current card too; applicant categories are multi-valued (see sections.ts) and the
 *   topic is that of the main issue.
 * - Timeliness is taken at the cut-off: the period's last day, or `asOf` when that is earlier (a report of the running
 *   quarter shows today's picture); see timeliness.ts.
 */

import { CENTRAL_VILLAGE_ID } from '../couch/names';
import type { Appeal } from '../domain/appeal/appeal.types';
import type { AppealEvent } from '../domain/events/event.types';
import { displayDate, type IsoDate } from '../lib/dates';
import type { LocalizedText } from '../lib/i18n-text';
import { isInPeriod, type Period, periodLabel } from './period';
import type { KnownVillage, Report, ReportColumn, ReportRow, ReportScope, ReportTable } from './report.types';
import { type ReportFacts, reportFactsOf, stepAt } from './report-facts';
import { NOT_STATED, SECTIONS, type Section } from './sections';
import { TIMELINESS_CLASSES, type TimelinessClass, timelinessOfInput } from './timeliness';

/** What a report is built from; `villages` names the columns (unknown codes are shown as they are). */
export interface ReportInput {
  appeals: readonly Appeal[];
  events: readonly AppealEvent[];
  period: Period;
  /** Today: statuses are taken at the earlier of this and the period's last day. */
  asOf: IsoDate;
  scope: ReportScope;
  villages?: readonly KnownVillage[];
}

const TOTAL_LABEL: LocalizedText = { uk: 'Усього звернень', en: 'Total appeals' };

const TIMELINESS_LABELS: Record<TimelinessClass, LocalizedText> = {
  'answered-on-time': { uk: 'Розглянуто у встановлений строк', en: 'Answered within the term' },
  'answered-extended': { uk: 'Розглянуто у продовжений строк', en: 'Answered within an extended term' },
  'answered-late': { uk: 'Розглянуто з порушенням строку', en: 'Answered late' },
  'open-on-time': { uk: 'На розгляді, строк не минув', en: 'Open, within the term' },
  'open-overdue': { uk: 'На розгляді, строк порушено', en: 'Open, overdue' },
  'closed-no-answer': { uk: 'Знято з контролю без відповіді', en: 'Removed from control without an answer' },
  returned: { uk: 'Повернуто як неповне', en: 'Returned as incomplete' },
  'not-considered': { uk: 'Не розглядалося (ст. 8 Закону)', en: 'Not considered (art. 8 of the Law)' },
};

const EXTENDED_MEMO: LocalizedText = { uk: 'Довідково: строк розгляду продовжено', en: 'For reference: term extended' };

/** Name of a village column: the village's name, the council office for `central`, else the code as it is. */
export function villageLabel(code: string, names: ReadonlyMap<string, string>): LocalizedText {
  if (code === CENTRAL_VILLAGE_ID) return { uk: 'Центральний офіс ради', en: "Council's central office" };
  const name = names.get(code);
  return name ? { uk: name, en: name } : { uk: code, en: code };
}

/** Village columns: the scope's village, or every known village and every village that has appeals, by Ukrainian name. */
function columnsOf(
  scope: ReportScope,
  appeals: readonly { villageId: string }[],
  villages: readonly KnownVillage[],
): ReportColumn[] {
  const names = new Map(villages.map((v) => [v.code, v.name]));
  const codes =
    scope.kind === 'village' ? [scope.code] : [...new Set([...villages.map((v) => v.code), ...appeals.map((a) => a.villageId)])];
  const columns = codes.map((code) => ({ key: code, label: villageLabel(code, names), isTotal: false }));
  // The council office's own appeals come last among the villages.
  columns.sort(
    (a, b) =>
      Number(a.key === CENTRAL_VILLAGE_ID) - Number(b.key === CENTRAL_VILLAGE_ID) || a.label.uk.localeCompare(b.label.uk, 'uk'),
  );
  const total: LocalizedText = scope.kind === 'village' ? { uk: 'Усього', en: 'Total' } : { uk: 'Громада', en: 'Community' };
  return [...columns, { key: '', label: total, isTotal: true }];
}

/** A counter of rows × columns: `add(row, column)` also adds to the total column. */
function counter(rowKeys: readonly string[], columnCount: number) {
  const rows = new Map(rowKeys.map((k) => [k, new Array<number>(columnCount).fill(0)]));
  return {
    rows,
    add(key: string, column: number): void {
      let values = rows.get(key);
      if (!values) {
        values = new Array<number>(columnCount).fill(0);
        rows.set(key, values);
      }
      values[column] = (values[column] ?? 0) + 1;
      values[columnCount - 1] = (values[columnCount - 1] ?? 0) + 1;
    },
  };
}

interface Counted {
  column: number;
  /** Per section (SECTIONS' order), the codes of the card with every amendment applied. */
  codes: readonly string[][];
  timeliness: TimelinessClass;
  isExtended: boolean;
}

function sectionTable(section: Section, at: number, counted: readonly Counted[], columnCount: number): ReportTable {
  const known = section.items.map((i) => i.code);
  const keys = section.notStated ? [...known, NOT_STATED] : known;
  const c = counter(keys, columnCount);
  const totals = new Array<number>(columnCount).fill(0);
  for (const item of counted) {
    // A damaged document without the field counts as not stated rather than as a row named "undefined".
    for (const code of item.codes[at] ?? [NOT_STATED]) c.add(typeof code === 'string' ? code : NOT_STATED, item.column);
    totals[item.column] = (totals[item.column] ?? 0) + 1;
    totals[columnCount - 1] = (totals[columnCount - 1] ?? 0) + 1;
  }
  const byCode = new Map(section.items.map((i) => [i.code, i]));
  const unknown = [...c.rows.keys()].filter((k) => !byCode.has(k) && k !== NOT_STATED).sort();
  const order = [...known, ...unknown, ...(section.notStated || c.rows.has(NOT_STATED) ? [NOT_STATED] : [])];
  const rows: ReportRow[] = order.map((code) => {
    const item = byCode.get(code);
    const label: LocalizedText = item
      ? section.labelWithCode
        ? { uk: `${code} ${item.uk}`, en: `${code} ${item.en}` }
        : { uk: item.uk, en: item.en }
      : code === NOT_STATED
        ? (section.notStated ?? { uk: 'Не зазначено', en: 'Not stated' })
        : { uk: code, en: code };
    return { kind: 'item', code, label, values: c.rows.get(code) ?? new Array<number>(columnCount).fill(0) };
  });
  rows.push({ kind: 'total', code: '', label: TOTAL_LABEL, values: totals });
  return {
    id: section.id,
    title: section.title,
    sheetName: section.sheetName,
    rowHeader: section.rowHeader,
    note: section.note,
    rows,
  };
}

function timelinessTable(counted: readonly Counted[], columnCount: number, cutoff: IsoDate): ReportTable {
  const c = counter(TIMELINESS_CLASSES, columnCount);
  const extended = counter(['extended'], columnCount);
  for (const item of counted) {
    c.add(item.timeliness, item.column);
    if (item.isExtended) extended.add('extended', item.column);
  }
  const totals = new Array<number>(columnCount).fill(0);
  for (const values of c.rows.values()) {
    for (let i = 0; i < columnCount; i++) totals[i] = (totals[i] ?? 0) + (values[i] ?? 0);
  }
  const rows: ReportRow[] = TIMELINESS_CLASSES.map((k) => ({
    kind: 'item',
    code: k,
    label: TIMELINESS_LABELS[k],
    values: c.rows.get(k) ?? [],
  }));
  rows.push({ kind: 'total', code: '', label: TOTAL_LABEL, values: totals });
  rows.push({ kind: 'memo', code: 'extended', label: EXTENDED_MEMO, values: extended.rows.get('extended') ?? [] });
  return {
    id: 'timeliness',
    title: { uk: 'Стан розгляду звернень', en: 'Timeliness of consideration' },
    sheetName: { uk: 'Строки розгляду', en: 'Timeliness' },
    rowHeader: { uk: 'Стан розгляду', en: 'Status of consideration' },
    note: {
      uk: `Стан на ${displayDate(cutoff, 'uk')}. Строк розгляду — останній дозволений день (ст. 20 Закону «Про звернення громадян»); відповідь у цей день вчасна. Продовжені строки враховано в рядках вище, а окремо — довідково.`,
      en: `Status as of ${displayDate(cutoff, 'en')}. The due date is the last allowed day (art. 20 of the Law "On citizens' appeals"); an answer on that day is on time. Extended terms are counted in the rows above and, for reference, separately.`,
    },
    rows,
  };
}

/** What a report is built from when the appeals' report facts are at hand (the register's rows keep them). */
export interface FactsReportInput extends Omit<ReportInput, 'appeals' | 'events'> {
  facts: Iterable<ReportFacts>;
}

/**
 * Builds the count tables of appeals received in the period, per village and in total (see the file comment), from
 * the appeals and their events.
 */
export function buildReport(input: ReportInput): Report {
  const { appeals, events, ...rest } = input;
  const eventsByAppeal = new Map<string, AppealEvent[]>();
  for (const e of events) {
    const list = eventsByAppeal.get(e.appealId);
    if (list) list.push(e);
    else eventsByAppeal.set(e.appealId, [e]);
  }
  const facts: ReportFacts[] = [];
  for (const appeal of appeals) {
    const own = eventsByAppeal.get(appeal.id) ?? [];
    // An appeal never amended keeps its stored date received, which rules it out without a fold.
    if (!isInPeriod(appeal.receivedOn, input.period) && !own.some((e) => e.kind === 'amended')) continue;
    facts.push(reportFactsOf(appeal, own));
  }
  return buildReportFromFacts({ ...rest, facts });
}

/** The same report from the appeals' report facts (report-facts.ts): what the register in memory can give at once. */
export function buildReportFromFacts(input: FactsReportInput): Report {
  const { period, asOf, scope } = input;
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings compare as text; Math.min would make them NaN
  const cutoff = asOf < period.to ? asOf : period.to;
  const selected: ReportFacts[] = [];
  for (const f of input.facts) {
    if ((scope.kind === 'community' || f.villageId === scope.code) && isInPeriod(f.receivedOn, period)) selected.push(f);
  }
  const columns = columnsOf(scope, selected, input.villages ?? []);
  const columnIndex = new Map(columns.filter((c) => !c.isTotal).map((c, i) => [c.key, i]));
  const counted: Counted[] = selected.map((f) => {
    const step = stepAt(f, cutoff);
    return {
      column: columnIndex.get(f.villageId) ?? 0,
      codes: f.codes,
      timeliness: timelinessOfInput(step, cutoff),
      isExtended: step.isExtended,
    };
  });
  const tables = [
    ...SECTIONS.map((s, at) => sectionTable(s, at, counted, columns.length)),
    timelinessTable(counted, columns.length, cutoff),
  ];
  const label = periodLabel(period);
  const names = new Map((input.villages ?? []).map((v) => [v.code, v.name]));
  const scopeLabel: LocalizedText =
    scope.kind === 'community'
      ? { uk: 'Громада загалом', en: 'Whole community' }
      : (({ uk, en }) => ({ uk: `Старостинський округ: ${uk}`, en: `Village: ${en}` }))(villageLabel(scope.code, names));
  return {
    period,
    cutoff,
    scope,
    title: { uk: `Звернення громадян за ${label.uk}`, en: `Citizens' appeals, ${label.en}` },
    scopeLabel,
    columns,
    appealCount: counted.length,
    tables,
  };
}
