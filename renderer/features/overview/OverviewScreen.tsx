import { useMemo, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-context';
import { useToday } from '../../app/use-today';
import { overviewCounts } from '../register/register-query';
import { OverviewCharts } from './OverviewCharts';
import { TamperSection } from './TamperSection';
import { VillagesTable } from './VillagesTable';

const TILES = [
  { key: 'open', label: 'overview.open' },
  { key: 'dueThisWeek', label: 'overview.dueThisWeek' },
  { key: 'overdue', label: 'overview.overdue' },
  { key: 'toHandOver', label: 'overview.toHandOver' },
] as const;

/** The village overview: what is open, due this week, overdue, and answered but not yet handed over. */
export function OverviewScreen() {
  const { t } = useTranslation();
  const { index, profile } = useApp();
  const today = useToday();
  const version = useSyncExternalStore(index.subscribe, index.getVersion);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` changes whenever the index's rows change
  const counts = useMemo(() => overviewCounts(index.all(), today), [index, version, today]);
  return (
    <section className="overview" aria-labelledby="overview-title">
      <h1 id="overview-title">{t('overview.title', { village: profile.villageName })}</h1>
      {!index.isLoaded && <p>{t('register.loadingAll')}</p>}
      <div className="tiles">
        {TILES.map((tile) => (
          <div key={tile.key} className={`tile tile-${tile.key}`} data-testid={`tile-${tile.key}`}>
            <span className="tile-value">{index.isLoaded ? counts[tile.key] : '…'}</span>
            <span className="tile-label">{t(tile.label)}</span>
          </div>
        ))}
      </div>
      <p>{t('overview.total', { count: counts.total })}</p>
      {profile.role === 'central' && <VillagesTable />}
      {profile.role === 'central' && <TamperSection />}
      {profile.role === 'central' && <OverviewCharts />}
    </section>
  );
}
