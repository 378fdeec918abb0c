// What the benchmark pages seed and register, made once for all of them. Benchmark only; never shipped with the app.
import { toRegisterRow } from '../../../renderer/data/register-projection';
import type { Appeal, AppealDraft } from '../../../shared/domain/appeal/appeal.types';
import { emptyDraft } from '../../../shared/domain/appeal/validate';
import type { AppealEvent } from '../../../shared/domain/events/event.types';
import type { IsoDate } from '../../../shared/lib/dates';
import type { RegisterRow } from '../../../shared/schema/register-row.schema';
import { makeAppeal } from './fixture';

/**
 * Appeals `from`…`to - 1` of the fixture with their events and register rows (as the projection writes them);
 * `villageOf(i)` registers appeal i, and `adjust` may change an appeal before its row is made.
 */
export function makeBatch(
  from: number,
  to: number,
  r: () => number,
  today: IsoDate,
  villageOf: (i: number) => string,
  adjust?: (appeal: Appeal, i: number) => void,
): { appeals: Appeal[]; events: AppealEvent[]; rows: RegisterRow[] } {
  const appeals: Appeal[] = [];
  const events: AppealEvent[] = [];
  const rows: RegisterRow[] = [];
  for (let i = from; i < to; i++) {
    const made = makeAppeal(i, r, today, villageOf(i));
    adjust?.(made.appeal, i);
    appeals.push(made.appeal);
    events.push(...made.events);
    rows.push(toRegisterRow(made.appeal, made.events));
  }
  return { appeals, events, rows };
}

/** The card the benchmarks register, as the form would send it; `i` makes each text its own. */
export function benchDraft(i: number, today: IsoDate): AppealDraft {
  return {
    ...emptyDraft(today),
    surname: 'Тестовий',
    givenName: 'Бенч',
    address: 'с. Глибоке, вул. Нова, 1',
    issues: [{ topicCode: '010', text: `Вимірювання швидкості реєстрації ${i}` }],
  };
}
