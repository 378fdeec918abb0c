import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Period, periodContaining, periodLabel } from '../../../shared/reports/period';
import type { Report, ReportTable } from '../../../shared/reports/report.types';
import { useToday } from '../../app/use-today';
import { BarChart, type BarRow } from '../../ui/BarChart';
import { PeriodPicker } from '../reports/PeriodPicker';
import { useKnownVillages, useReport } from '../reports/use-report';

/** How many topics the chart shows. */
const TOP_TOPICS = 8;

/** Timeliness classes grouped into the chart's five colours, worst last. */
const GROUPS = [
  { key: 'onTime', classes: ['answered-on-time', 'answered-extended'], color: '#1f6f43' },
  { key: 'late', classes: ['answered-late'], color: '#c2410c' },
  { key: 'open', classes: ['open-on-time'], color: '#0b5cad' },
  { key: 'overdue', classes: ['open-overdue'], color: '#b42318' },
  { key: 'other', classes: ['closed-no-answer', 'returned', 'not-considered'], color: '#8c959f' },
] as const;

function tableOf(report: Report, id: ReportTable['id']): ReportTable | undefined {
  return report.tables.find((t) => t.id === id);
}

/** The topics with most appeals in the community (the last column), largest first. */
function topTopics(report: Report, lang: 'uk' | 'en'): BarRow[] {
  const total = report.columns.length - 1;
  return (tableOf(report, 'topic')?.rows ?? [])
    .filter((r) => r.kind === 'item' && (r.values[total] ?? 0) > 0)
    .sort((a, b) => (b.values[total] ?? 0) - (a.values[total] ?? 0))
    .slice(0, TOP_TOPICS)
    .map((r) => ({ label: r.label[lang], segments: [{ name: r.label[lang], value: r.values[total] ?? 0, color: '#1f6f43' }] }));
}

/** One stacked bar per village column: answered in time, late, open, overdue, other. */
function timelinessByVillage(report: Report, lang: 'uk' | 'en', names: Record<string, string>): BarRow[] {
  const rows = tableOf(report, 'timeliness')?.rows ?? [];
  return report.columns
    .map((column, i) => ({ column, i }))
    .filter(({ column }) => !column.isTotal)
    .map(({ column, i }) => ({
      label: column.label[lang],
      segments: GROUPS.map((g) => ({
        name: names[g.key] ?? g.key,
        color: g.color,
        value: rows
          .filter((r) => r.kind === 'item' && (g.classes as readonly string[]).includes(r.code))
          .reduce((s, r) => s + (r.values[i] ?? 0), 0),
      })),
    }));
}

/**
 * The central overview's charts, for the current year to date unless another period is picked: the most frequent
 * topics and timeliness per village, from the same report as the Reports screen.
 */
export function OverviewCharts() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const today = useToday();
  const [period, setPeriod] = useState<Period>(() => periodContaining('year', today));
  const state = useReport(period, '', useKnownVillages());
  const names = Object.fromEntries(GROUPS.map((g) => [g.key, t(`reports.chart.${g.key}`)]));
  const thisYear = Number(today.slice(0, 4));
  return (
    <section aria-labelledby="charts-title">
      <h2 id="charts-title">{t('reports.chart.title', { period: periodLabel(period)[lang] })}</h2>
      <div className="filters">
        <PeriodPicker value={period} years={[thisYear, thisYear - 1, thisYear - 2]} onChange={setPeriod} />
      </div>
      {state.status === 'ready' && (
        <div className="charts">
          <BarChart
            title={t('reports.chart.topTopics')}
            rows={topTopics(state.report, lang)}
            emptyText={t('reports.chart.empty')}
            testId="chart-topics"
          />
          <BarChart
            title={t('reports.chart.timeliness')}
            rows={timelinessByVillage(state.report, lang, names)}
            emptyText={t('reports.chart.empty')}
            legend={GROUPS.map((g) => ({ name: names[g.key] ?? g.key, color: g.color }))}
            testId="chart-timeliness"
          />
        </div>
      )}
    </section>
  );
}
