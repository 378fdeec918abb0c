import { fillWithDefaultSettings, type MangoQuery, normalizeMangoQuery, prepareQuery, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { seqAboveQuery } from '../../../renderer/data/appeals.repository';
import { firstPageQuery, loadPageQuery } from '../../../renderer/data/register-index';
import { appealPageQuery } from '../../../renderer/data/register-projection';
import { APPEAL_SCHEMA } from '../../../shared/schema/appeal.schema';
import { EVENT_SCHEMA } from '../../../shared/schema/event.schema';
import { REGISTER_ROW_SCHEMA } from '../../../shared/schema/register-row.schema';

/**
 * RxDB reads every document of a collection when no index serves a query, or re-sorts all matches when the sort is
 * not the index order (any descending sort). Over 50,000 appeals that turns milliseconds into seconds (measured by
 * `npm run bench`), so each query the app runs on a large collection must be served by an index, in index order.
 */
// biome-ignore lint/suspicious/noExplicitAny: plans are computed for several document types
function planOf(schema: unknown, query: MangoQuery<any>) {
  const full = fillWithDefaultSettings(schema as RxJsonSchema<unknown>);
  const normalized = normalizeMangoQuery(full, query);
  // RxQuery adds this before planning: deleted documents are never returned.
  (normalized.selector as Record<string, unknown>)._deleted = { $eq: false };
  return prepareQuery(full, normalized).queryPlan;
}

describe('the queries over large collections are served by an index, in index order', () => {
  it.each([
    ['register: first page, newest first', REGISTER_ROW_SCHEMA, firstPageQuery(100), ['_deleted', 'recency', 'id']],
    ['register: a page of the full load', REGISTER_ROW_SCHEMA, loadPageQuery('01H', 5000), ['_deleted', 'id']],
    ['appeals: a page of the projection check', APPEAL_SCHEMA, appealPageQuery('01H', 500), ['_deleted', 'id']],
    [
      'appeals: sequences above the count of a workstation',
      APPEAL_SCHEMA,
      seqAboveQuery({ villageId: 'hlyboke', deviceTag: '1' }, 41),
      ['_deleted', 'villageId', 'deviceTag', 'regSeq', 'id'],
    ],
  ] as const)('%s', (_name, schema, query, index) => {
    const plan = planOf(schema, query as MangoQuery<unknown>);
    expect(plan.index).toEqual(index);
    expect(plan.sortSatisfiedByIndex).toBe(true);
    expect(plan.selectorSatisfiedByIndex).toBe(true);
  });

  it("the count of a workstation's appeals is answered by the index alone", () => {
    const plan = planOf(APPEAL_SCHEMA, { selector: { villageId: 'hlyboke', deviceTag: '1' } });
    expect(plan.index).toEqual(['_deleted', 'villageId', 'deviceTag', 'regSeq', 'id']);
    expect(plan.selectorSatisfiedByIndex).toBe(true);
  });

  it('events of one appeal come by the appealId index', () => {
    const plan = planOf(EVENT_SCHEMA, { selector: { appealId: '01H' } });
    expect(plan.index).toEqual(['_deleted', 'appealId', 'id']);
    expect(plan.selectorSatisfiedByIndex).toBe(true);
  });

  it('a descending sort is not served in index order (why the register keeps an ascending recency)', () => {
    const plan = planOf(REGISTER_ROW_SCHEMA, { selector: {}, sort: [{ recency: 'desc' }, { id: 'desc' }], limit: 10 });
    expect(plan.sortSatisfiedByIndex).toBe(false);
  });
});
