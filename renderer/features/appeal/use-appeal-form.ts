import { useMemo, useState } from 'react';
import type { AppealDraft, AppealIssue } from '../../../shared/domain/appeal/appeal.types';
import { emptyDraft, type Problem } from '../../../shared/domain/appeal/validate';
import { initialDueDate } from '../../../shared/domain/deadlines/deadlines';
import { type IsoDate, isIsoDate } from '../../../shared/lib/dates';

/** Form state of the registration form: the draft, the problems of the last submit, the live due date. */
export function useAppealForm(today: IsoDate) {
  const [draft, setDraft] = useState<AppealDraft>(() => emptyDraft(today));
  const [problems, setProblems] = useState<Problem[]>([]);

  const set = <K extends keyof AppealDraft>(key: K, value: AppealDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setIssue = (i: number, patch: Partial<AppealIssue>) =>
    setDraft((d) => ({ ...d, issues: d.issues.map((issue, n) => (n === i ? { ...issue, ...patch } : issue)) }));
  const addIssue = () => setDraft((d) => ({ ...d, issues: [...d.issues, { topicCode: '', text: '' }] }));
  const removeIssue = (i: number) => setDraft((d) => ({ ...d, issues: d.issues.filter((_, n) => n !== i) }));
  const toggleCategory = (code: string) =>
    setDraft((d) => ({
      ...d,
      categories: d.categories.includes(code) ? d.categories.filter((c) => c !== code) : [...d.categories, code],
    }));

  const dueDate = useMemo(
    () => (isIsoDate(draft.receivedOn) ? initialDueDate(draft.receivedOn, draft.term) : null),
    [draft.receivedOn, draft.term],
  );

  const errorOf = (field: string, lang: string): string | undefined => {
    const found = problems.filter((p) => p.field === field);
    if (found.length === 0) return undefined;
    return found.map((p) => (lang === 'en' ? p.message.en : p.message.uk)).join(' ');
  };

  const reset = (nextToday: IsoDate) => {
    setDraft(emptyDraft(nextToday));
    setProblems([]);
  };

  return { draft, set, setIssue, addIssue, removeIssue, toggleCategory, dueDate, problems, setProblems, errorOf, reset };
}
