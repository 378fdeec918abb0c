import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/i18n/en.json';
import uk from '../../../renderer/i18n/uk.json';
import { APPEAL_STATUSES, EVENT_KINDS } from '../../../shared/domain/events/event.types';
import { ROLES } from '../../../shared/domain/permissions/permissions';

/** Flattens a catalog into dotted keys; plural forms (`_one`, `_few`, …) count as their base key. */
function keys(catalog: object, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(catalog)) {
    const key = `${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (v && typeof v === 'object') for (const nested of keys(v, `${key}.`)) out.add(nested);
    else out.add(key);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const ukKeys = keys(uk);
const enKeys = keys(en);

describe('the i18n catalogs', () => {
  it('have the same keys in Ukrainian and English', () => {
    expect([...ukKeys].filter((k) => !enKeys.has(k))).toEqual([]);
    expect([...enKeys].filter((k) => !ukKeys.has(k))).toEqual([]);
  });

  it('hold every literal key the renderer asks for', () => {
    const used = new Set<string>();
    for (const file of sourceFiles('renderer')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g)) used.add(m[1] as string);
      for (const m of text.matchAll(/label: '([a-zA-Z]+(?:\.[\w-]+)+)'/g)) used.add(m[1] as string);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !ukKeys.has(k))).toEqual([]);
  });

  it('name every appeal status, event kind and role the domain has', () => {
    for (const s of APPEAL_STATUSES) expect(ukKeys.has(`status.${s}`), `status.${s}`).toBe(true);
    for (const k of EVENT_KINDS) {
      expect(ukKeys.has(`event.${k}`), `event.${k}`).toBe(true);
      expect(ukKeys.has(`action.${k}`), `action.${k}`).toBe(true);
    }
    for (const r of ROLES) expect(ukKeys.has(`roles.${r}`)).toBe(true);
  });

  it('write Ukrainian text in the Ukrainian catalog', () => {
    const texts: string[] = [];
    const walk = (o: object) => {
      for (const v of Object.values(o)) typeof v === 'string' ? texts.push(v) : walk(v);
    };
    walk(uk);
    const latinOnly = texts.filter((t) => /[A-Za-z]/.test(t) && !/[А-Яа-яІіЇїЄєҐґ]/.test(t) && !t.includes('{{'));
    expect(latinOnly).toEqual([]);
  });
});
