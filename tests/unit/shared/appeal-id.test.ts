import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_PREFIX } from '../../../shared/couch/names';
import { validateDocUpdateSource } from '../../../shared/couch/validate-doc-update';
import {
  appealIdFor,
  appealIdVillageTag,
  isAppealIdOf,
  VILLAGE_TAG_LENGTH,
  villageTag,
} from '../../../shared/domain/indexes/appeal-id';
import { appealOf } from './fixtures';

const ULID = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
const villageArb = fc.stringMatching(/^[a-z][a-z0-9_]{1,19}$/);

describe('villageTag', () => {
  it('is FNV-1a 32-bit in base 36, padded to 7 (published vectors: "" → 811c9dc5, "a" → e40c292c, "foobar" → bf9cf968)', () => {
    expect(villageTag('')).toBe((0x811c9dc5).toString(36).padStart(7, '0'));
    expect(villageTag('a')).toBe((0xe40c292c).toString(36).padStart(7, '0'));
    expect(villageTag('foobar')).toBe((0xbf9cf968).toString(36).padStart(7, '0'));
  });

  it('is always 7 base-36 characters, and an appeal id 34 characters, within the schemas’ maxLength 40', () => {
    fc.assert(
      fc.property(villageArb, (code) => {
        expect(villageTag(code)).toMatch(/^[0-9a-z]{7}$/);
        expect(appealIdFor(ULID, code)).toHaveLength(26 + 1 + VILLAGE_TAG_LENGTH);
      }),
    );
    expect(villageTag('central')).toHaveLength(7);
  });

  it('differs between the villages of a community', () => {
    expect(villageTag('hlyboke')).not.toBe(villageTag('zarichne'));
    expect(villageTag('hlyboke')).not.toBe(villageTag('central'));
  });
});

describe('appeal ids', () => {
  it('keep the time order of their ULIDs', () => {
    const ulids = ['01ARZ3NDEKTSV4RRFFQ69G5FAV', '01ARZ3NDEKTSV4RRFFQ69G5FAW', '01BX5ZZKBKACTAV9WEVGEMMVRZ'];
    expect(ulids.map((u) => appealIdFor(u, 'hlyboke')).sort()).toEqual(ulids.map((u) => appealIdFor(u, 'hlyboke')));
  });

  it('name their village, and only well-formed ids have a tag', () => {
    const id = appealIdFor(ULID, 'hlyboke');
    expect(appealIdVillageTag(id)).toBe(villageTag('hlyboke'));
    expect(isAppealIdOf(id, 'hlyboke')).toBe(true);
    expect(isAppealIdOf(id, 'zarichne')).toBe(false);
    for (const bad of [
      ULID,
      `${ULID}-`,
      `${ULID.toLowerCase()}-${villageTag('hlyboke')}`,
      `${ULID}-${villageTag('hlyboke')}x`,
      `${ULID.slice(1)}-${villageTag('hlyboke')}`,
      `01ARZ3NDEKTSV4RRFFQ69G5FAI-${villageTag('hlyboke')}`,
      `${ULID}_${villageTag('hlyboke')}`,
    ]) {
      expect(appealIdVillageTag(bad), bad).toBeNull();
      expect(isAppealIdOf(bad, 'hlyboke'), bad).toBe(false);
    }
  });
});

describe('the ES5 FNV-1a inside checkRecord agrees with villageTag', () => {
  // The generated validate_doc_update, evaluated as CouchDB compiles it; the admin, so that only structure decides.
  const validate = new Function(`return (${validateDocUpdateSource({ kind: 'central', community: 'hromada' })});`)() as (
    n: unknown,
    o: unknown,
    u: unknown,
    s: unknown,
  ) => void;
  const verdict = (doc: Record<string, unknown>): string | null => {
    try {
      validate(doc, null, { name: 'admin', roles: ['_admin'] }, {});
      return null;
    } catch (error) {
      return (error as { forbidden: string }).forbidden;
    }
  };
  const appeal = (villageId: string, id: string) => ({
    _id: `${ID_PREFIX.appeal}${id}`,
    ...appealOf({ id, villageId, regIndex: `${villageId.toUpperCase()}.1-Б-1` }),
  });

  it('on many village codes: its own tag passes, and the tag the rule asks for is villageTag', () => {
    fc.assert(
      fc.property(villageArb, villageArb, (code, other) => {
        expect(verdict(appeal(code, appealIdFor(ULID, code)))).toBeNull();
        const refusal = verdict(appeal(code, `${ULID}-zzzzzzz`));
        expect(refusal).toContain(`-${villageTag(code)}`);
        if (villageTag(other) !== villageTag(code))
          expect(verdict(appeal(code, appealIdFor(ULID, other)))).toContain(`-${villageTag(code)}`);
      }),
      { numRuns: 500 },
    );
    expect(verdict(appeal('central', appealIdFor(ULID, 'central')))).toBeNull();
  });
});
