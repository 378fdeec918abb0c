import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash } from '../../../renderer/app/route';

describe('the reports route', () => {
  it('parses #/reports and formats it back', () => {
    expect(parseRoute('#/reports')).toEqual({ name: 'reports' });
    expect(routeHash({ name: 'reports' })).toBe('#/reports');
  });

  it('does not take a longer path for it', () => {
    expect(parseRoute('#/reports/2026-Q3')).toEqual({ name: 'register' });
  });
});
