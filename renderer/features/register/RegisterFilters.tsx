import { useTranslation } from 'react-i18next';
import { APPEAL_STATUSES } from '../../../shared/domain/events/event.types';
import { APPEAL_TYPES, TOPICS } from '../../../shared/reference';
import { useApp } from '../../app/app-context';
import { LabeledSelect } from '../../ui/LabeledSelect';
import { toOptions } from '../../ui/options';
import type { DueFilter, RegisterFilter } from './register-query';

const DUE_FILTERS = [
  { value: 'week', label: 'register.dueWeek' },
  { value: 'overdue', label: 'register.overdue' },
  { value: 'handover', label: 'register.handover' },
] as const;

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
  const all = t('register.all');
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
          // A search is a surname or an address: not into the browser's session-restore files or autofill.
          autoComplete="off"
        />
      </label>
      <LabeledSelect
        id="filter-status"
        label={t('register.status')}
        allLabel={all}
        value={filter.status}
        options={APPEAL_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(v) => set('status', v)}
      />
      <LabeledSelect
        id="filter-type"
        label={t('register.type')}
        allLabel={all}
        value={filter.type}
        options={toOptions(APPEAL_TYPES, i18n.language)}
        onChange={(v) => set('type', v)}
      />
      <LabeledSelect
        id="filter-topic"
        label={t('register.topic')}
        allLabel={all}
        value={filter.topic}
        options={toOptions(TOPICS, i18n.language)}
        onChange={(v) => set('topic', v)}
      />
      <LabeledSelect
        id="filter-due"
        label={t('register.deadline')}
        allLabel={all}
        value={filter.due}
        options={DUE_FILTERS.map((d) => ({ value: d.value, label: t(d.label) }))}
        onChange={(v) => set('due', v as DueFilter)}
      />
      {profile.role === 'central' && (
        <LabeledSelect
          id="filter-village"
          label={t('register.village')}
          allLabel={all}
          value={filter.village}
          options={villages.map((v) => ({ value: v, label: v }))}
          onChange={(v) => set('village', v)}
        />
      )}
    </div>
  );
}
