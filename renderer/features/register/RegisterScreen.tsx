import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../app/use-route';
import { useToday } from '../../app/use-today';
import { formatDate } from '../../i18n/i18n';
import { topicLabel } from '../appeal/topic-text';
import { RegisterFilters } from './RegisterFilters';
import { DEFAULT_SORT, EMPTY_FILTER, type RegisterSort, rowDeadline, type SortKey } from './register-query';
import { useRegisterRows } from './use-register-rows';

const ROW_HEIGHT = 44;

const COLUMNS: { key: SortKey | 'topic'; label: string; sortable: boolean }[] = [
  { key: 'regIndex', label: 'register.col.index', sortable: true },
  { key: 'applicant', label: 'register.col.applicant', sortable: true },
  { key: 'topic', label: 'register.col.topic', sortable: false },
  { key: 'receivedOn', label: 'register.col.received', sortable: true },
  { key: 'dueDate', label: 'register.col.due', sortable: true },
  { key: 'status', label: 'register.col.status', sortable: true },
];

/** The register: every appeal, filtered, searched and sorted, in a virtualized list that scrolls 50,000 rows. */
export function RegisterScreen() {
  const { t, i18n } = useTranslation();
  const today = useToday();
  const [filter, setFilter] = useState(EMPTY_FILTER);
  const [sort, setSort] = useState<RegisterSort>(DEFAULT_SORT);
  const { rows, isComplete, isReady, villages } = useRegisterRows(filter, sort, today);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const toggleSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: key === 'receivedOn' ? 'desc' : 'asc' },
    );

  return (
    <section className="register" aria-labelledby="register-title">
      <div className="register-head">
        <h1 id="register-title">{t('register.title')}</h1>
        <button type="button" className="primary" onClick={() => navigate({ name: 'new' })}>
          {t('nav.new')}
        </button>
      </div>
      <RegisterFilters villages={villages} filter={filter} onChange={setFilter} />
      <p className="register-count" aria-live="polite" data-testid="register-count">
        {isComplete ? t('register.found', { count: rows.length }) : t('register.loadingAll')}
      </p>
      <div className="table" role="table" aria-label={t('register.title')} aria-rowcount={rows.length + 1}>
        <div className="tr th" role="row">
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={`td col-${c.key}`}
              aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
            >
              {c.sortable ? (
                <button type="button" className="sort" onClick={() => toggleSort(c.key as SortKey)}>
                  {t(c.label)} {sort.key === c.key ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
                </button>
              ) : (
                t(c.label)
              )}
            </div>
          ))}
        </div>
        <div className="tbody" ref={scroller}>
          {isReady && rows.length === 0 && <p className="empty">{t('register.empty')}</p>}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              const deadline = rowDeadline(row, today);
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={`tr ${deadline}`}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                  }}
                  tabIndex={0}
                  onClick={() => navigate({ name: 'appeal', id: row.id })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') navigate({ name: 'appeal', id: row.id });
                  }}
                >
                  <div role="cell" className="td col-regIndex">
                    <a href={`#/appeal/${row.id}`} tabIndex={-1}>
                      {row.regIndex}
                    </a>
                  </div>
                  <div role="cell" className="td col-applicant" title={row.address}>
                    {row.applicant || t('register.anonymous')}
                  </div>
                  <div role="cell" className="td col-topic">
                    {topicLabel(row.topicCode, i18n.language === 'en' ? 'en' : 'uk', t)}
                  </div>
                  <div role="cell" className="td col-receivedOn">
                    {formatDate(row.receivedOn, i18n.language)}
                  </div>
                  <div role="cell" className="td col-dueDate">
                    {formatDate(row.dueDate, i18n.language)}
                    {deadline === 'overdue' && <span className="badge overdue">{t('deadline.overdue')}</span>}
                    {deadline === 'due-soon' && <span className="badge due-soon">{t('deadline.dueSoon')}</span>}
                  </div>
                  <div role="cell" className="td col-status">
                    {t(`status.${row.status}`)}
                    {row.needsHandover === 1 && <span className="badge handover">{t('register.toHandOver')}</span>}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
