import { useTranslation } from 'react-i18next';
import { APPEAL_TYPES, TOPICS } from '../../../shared/reference';
import { useApp } from '../../app/app-context';
import { toOptions } from '../../ui/options';
import type { DueFilter, RegisterFilter } from './register-query';

const STATUSES = ['registered', 'forwarded', 'in-progress', 'answered', 'delivered', 'closed', 'returned', 'not-considered'];

interface Props {
  /** Villages present in the register (the council office filters by them). */
  villages: string[];
  filter: RegisterFilter;
  onChange: (filter: RegisterFilter) => void;
}

/** Search and filters of the register. */
export function RegisterFilters({ villages, filter, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const { profile } = useApp();
  const set = <K extends keyof RegisterFilter>(key: K, value: RegisterFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="filters" role="search">
      <label className="search">
        <span className="sr-only">{t('register.search')}</span>
        <input
          id="register-search"
          type="search"
          placeholder={t('register.searchPlaceholder')}
          aria-label={t('register.search')}
          value={filter.text}
          onChange={(e) => set('text', e.target.value)}
        />
      </label>
      <div className="filter">
        <label htmlFor="filter-status">{t('register.status')}</label>
        <select
          id="filter-status"
          className="filter-select"
          value={filter.status}
          onChange={(e) => set('status', e.target.value)}
        >
          <option value="">{t('register.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-type">{t('register.type')}</label>
        <select id="filter-type" className="filter-select" value={filter.type} onChange={(e) => set('type', e.target.value)}>
          <option value="">{t('register.all')}</option>
          {toOptions(APPEAL_TYPES, i18n.language).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-topic">{t('register.topic')}</label>
        <select id="filter-topic" className="filter-select" value={filter.topic} onChange={(e) => set('topic', e.target.value)}>
          <option value="">{t('register.all')}</option>
          {toOptions(TOPICS, i18n.language).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor="filter-due">{t('register.deadline')}</label>
        <select
          id="filter-due"
          className="filter-select"
          value={filter.due}
          onChange={(e) => set('due', e.target.value as DueFilter)}
        >
          <option value="">{t('register.all')}</option>
          <option value="week">{t('register.dueWeek')}</option>
          <option value="overdue">{t('register.overdue')}</option>
          <option value="handover">{t('register.handover')}</option>
        </select>
      </div>
      {profile.role === 'central' && (
        <div className="filter">
          <label htmlFor="filter-village">{t('register.village')}</label>
          <select
            id="filter-village"
            className="filter-select"
            value={filter.village}
            onChange={(e) => set('village', e.target.value)}
          >
            <option value="">{t('register.all')}</option>
            {villages.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
