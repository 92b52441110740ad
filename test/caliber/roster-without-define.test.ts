import { describe, expect, it } from 'vitest';
// Only the registry, not defineRoster's module: what checkCaliber sees in a browser bundle that
// never imports defineRoster (and so leaves the reading table out).
import { compiledRoster } from '../../src/caliber/roster/compiled-rosters';
import { markdownSkipRanges } from '../../src/caliber/skip-ranges';
import { isGovpubError } from '../../src/errors/index';

describe('compiled rosters without defineRoster loaded', () => {
  it('refuses plain roster JSON with a VALIDATION error rather than checking without readings', () => {
    let caught: unknown;
    try {
      compiledRoster({ id: 'city', leaders: [{ name: '王建华', titles: ['市长'] }] });
    } catch (e) {
      caught = e;
    }
    expect(isGovpubError(caught) && caught.code === 'VALIDATION' ? caught.details.issues : caught).toEqual([
      { path: [], message: 'expected a roster made with defineRoster (import defineRoster from govpub to pass plain roster JSON)' },
    ]);
  });

  it('defines plain roster JSON once defineRoster has loaded', async () => {
    const { defineRoster } = await import('../../src/caliber/roster/define-roster');
    const json = { id: 'city', leaders: [{ name: '王建华', titles: ['市长'] }] };
    const form = compiledRoster(json);
    expect(form.leaders.map((l) => l.name)).toEqual(['王建华']);
    // The compiled roster carries its checks, homophones (健/建) included.
    const text = '市长王健华出席';
    expect(form.check(text, [form], markdownSkipRanges(text)).map((f) => [f.ruleId, text.slice(f.start, f.end)])).toEqual([['roster/name-variant', '王健华']]);
    const defined = defineRoster(json);
    expect(compiledRoster(defined).id).toBe('city');
  });
});
