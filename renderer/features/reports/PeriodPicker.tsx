import { useTranslation } from 'react-i18next';
import { type Period, type PeriodKind, periodOf } from '../../../shared/reports/period';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** Kind (quarter, half-year, year), year and part of a reporting period. */
export function PeriodPicker({ value, years, onChange }: { value: Period; years: number[]; onChange: (p: Period) => void }) {
  const { t } = useTranslation();
  const parts = value.kind === 'quarter' ? 4 : value.kind === 'half' ? 2 : 0;
  const setKind = (kind: PeriodKind) => onChange(periodOf(kind, value.year, kind === 'year' ? 0 : 1));
  return (
    <>
      <div className="filter">
        <label htmlFor="report-kind">{t('reports.periodKind')}</label>
        <select id="report-kind" value={value.kind} onChange={(e) => setKind(e.target.value as PeriodKind)}>
          <option value="quarter">{t('reports.quarter')}</option>
          <option value="half">{t('reports.half')}</option>
          <option value="year">{t('reports.year')}</option>
        </select>
      </div>
      <div className="filter">
        <label htmlFor="report-year">{t('reports.year')}</label>
        <select
          id="report-year"
          value={value.year}
          onChange={(e) => onChange(periodOf(value.kind, Number(e.target.value), value.part))}
        >
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {parts > 0 && (
        <div className="filter">
          <label htmlFor="report-part">{value.kind === 'quarter' ? t('reports.quarter') : t('reports.half')}</label>
          <select
            id="report-part"
            value={value.part}
            onChange={(e) => onChange(periodOf(value.kind, value.year, Number(e.target.value)))}
          >
            {ROMAN.slice(0, parts).map((r, i) => (
              <option key={r} value={i + 1}>
                {r}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
