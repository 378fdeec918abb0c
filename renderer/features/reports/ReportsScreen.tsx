import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { displayDate } from '../../../shared/lib/dates';
import { villageLabel } from '../../../shared/reports/build-report';
import { type Period, periodContaining, periodLabel } from '../../../shared/reports/period';
import { useApp } from '../../app/app-context';
import { useToday } from '../../app/use-today';
import { downloadCsv, downloadXlsx, loadExcel } from './download';
import { PeriodPicker } from './PeriodPicker';
import { ReportTableView } from './ReportTableView';
import { useKnownVillages, useReport } from './use-report';
import './reports.css';

/** Years offered: from five years back to the current one. */
function yearsUpTo(year: number): number[] {
  return Array.from({ length: 6 }, (_, i) => year - i);
}

/**
 * The classifier count tables of a quarter, half-year or year, per village and for the community (the central office)
 * or for this village, with downloads as .xlsx and CSV.
 */
export function ReportsScreen() {
  const { t, i18n } = useTranslation();
  const { profile, index } = useApp();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const today = useToday();
  const [period, setPeriod] = useState<Period>(() => periodContaining('quarter', today));
  const isCentral = profile.role === 'central';
  const [scopeKey, setScopeKey] = useState(isCentral ? '' : profile.villageCode);
  const known = useKnownVillages();
  const state = useReport(period, scopeKey, known);
  const version = useSyncExternalStore(index.subscribe, index.getVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the index's rows change
  const villageCodes = useMemo(
    () => [...new Set([...known.map((v) => v.code), ...Array.from(index.all(), (r) => r.villageId)])].sort(),
    [index, version, known],
  );
  const names = useMemo(() => new Map(known.map((v) => [v.code, v.name])), [known]);
  const [busy, setBusy] = useState(false);
  const [downloadError, setDownloadError] = useState('');
  const report = state.status === 'ready' ? state.report : null;

  useEffect(() => {
    // Fetched ahead while the screen is open (and cached by the service worker in browser mode); a failure here is
    // reported when the person actually asks for the file.
    loadExcel().catch(() => undefined);
  }, []);

  const onXlsx = async () => {
    if (!report) return;
    setBusy(true);
    setDownloadError('');
    try {
      await downloadXlsx(report, new Date());
    } catch (error) {
      setDownloadError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <div className="filters report-controls">
        <PeriodPicker value={period} years={yearsUpTo(Number(today.slice(0, 4)))} onChange={setPeriod} />
        {isCentral && (
          <div className="filter">
            <label htmlFor="report-scope">{t('reports.scope')}</label>
            <select id="report-scope" value={scopeKey} onChange={(e) => setScopeKey(e.target.value)}>
              <option value="">{t('reports.community')}</option>
              {villageCodes.map((code) => (
                <option key={code} value={code}>
                  {villageLabel(code, names)[lang]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="report-downloads">
          <button type="button" className="primary" disabled={!report || busy} onClick={() => void onXlsx()}>
            {busy ? t('reports.preparing') : t('reports.downloadXlsx')}
          </button>
          <button type="button" disabled={!report} onClick={() => report && downloadCsv(report)}>
            {t('reports.downloadCsv')}
          </button>
        </div>
      </div>
      {downloadError && (
        <p className="error" role="alert">
          {t('reports.downloadFailed', { error: downloadError })}
        </p>
      )}
      {state.status === 'loading' && <p>{t('reports.loading')}</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {t('reports.failed', { error: state.error })}
        </p>
      )}
      {report && (
        <>
          <h2 className="report-heading">
            {report.title[lang]} — {report.scopeLabel[lang]}
          </h2>
          <p data-testid="report-summary">
            {t('reports.summary', {
              period: periodLabel(report.period)[lang],
              count: report.appealCount,
              date: displayDate(report.cutoff, lang),
            })}
          </p>
          {report.tables.map((table) => (
            <ReportTableView key={table.id} report={report} table={table} lang={lang} />
          ))}
        </>
      )}
    </section>
  );
}
