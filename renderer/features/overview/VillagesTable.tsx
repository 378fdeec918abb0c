import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { daysBetween, localIsoDate } from '../../../shared/lib/dates';
import { useApp } from '../../app/app-context';
import { useToday } from '../../app/use-today';
import { formatDateTime } from '../../i18n/i18n';
import { overviewByVillage } from '../register/register-query';
import { useVillageStatuses } from './use-village-statuses';

/** The council's deadline overview across villages, with how long ago each village last synced. */
export function VillagesTable() {
  const { t, i18n } = useTranslation();
  const { index, records } = useApp();
  const today = useToday();
  const version = useSyncExternalStore(index.subscribe, index.getVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the index's rows change
  const byVillage = useMemo(() => overviewByVillage(index.all(), today), [index, version, today]);
  const { statuses, error } = useVillageStatuses(records);
  const villages = [...new Set([...byVillage.keys(), ...statuses.keys()])].sort();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  return (
    <section aria-labelledby="villages-title">
      <h2 id="villages-title">{t('overview.villages')}</h2>
      {error && <p className="error">{t('overview.statusUnavailable')}</p>}
      <table className="villages">
        <thead>
          <tr>
            <th scope="col">{t('register.village')}</th>
            <th scope="col">{t('overview.open')}</th>
            <th scope="col">{t('overview.dueThisWeek')}</th>
            <th scope="col">{t('overview.overdue')}</th>
            <th scope="col">{t('overview.toHandOver')}</th>
            <th scope="col">{t('overview.lastSync')}</th>
            <th scope="col">{t('overview.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {villages.map((v) => {
            const c = byVillage.get(v);
            const s = statuses.get(v);
            const daysAgo = s ? daysBetween(localIsoDate(new Date(s.lastSyncAt)), today) : null;
            return (
              <tr key={v} className={daysAgo !== null && daysAgo >= 3 ? 'behind' : undefined}>
                <th scope="row">{v}</th>
                <td>{c?.open ?? 0}</td>
                <td>{c?.dueThisWeek ?? 0}</td>
                <td className={c?.overdue ? 'overdue' : undefined}>{c?.overdue ?? 0}</td>
                <td>{c?.toHandOver ?? 0}</td>
                <td>
                  {s
                    ? `${formatDateTime(s.lastSyncAt, lang)} (${t('overview.daysAgo', { count: daysAgo ?? 0 })})`
                    : t('overview.neverReported')}
                </td>
                <td>{s ? s.pending : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
