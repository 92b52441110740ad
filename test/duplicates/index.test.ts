import fc from 'fast-check';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { createDuplicateIndex, isGovpubError, normalizeText, type DuplicateMatch } from '../../src/index';
import { CLINICS, JOB_FAIR, ROADWORKS, STOCK, prng, randomText } from './fixtures';

const norm = (s: string): string => normalizeText(s, { dropPunctuation: true, dropWhitespace: true }).text;
const score = (m: DuplicateMatch): number => Math.max(m.containment, m.otherContainment);

function expectValidation(f: () => unknown, path?: (string | number)[]): void {
  try {
    f();
  } catch (e) {
    expect(isGovpubError(e) && e.code).toBe('VALIDATION');
    if (path) expect((e as { details: { issues: { path: unknown[] }[] } }).details.issues.map((i) => i.path)).toContainEqual(path);
    return;
  }
  throw new Error('expected a VALIDATION error');
}

function seeded() {
  const index = createDuplicateIndex<{ title: string }>();
  index.add('roadworks', ROADWORKS, { title: '滨河北路施工' });
  index.add('clinics', CLINICS, { title: '送医下乡' });
  index.add('job-fair', JOB_FAIR, { title: '春季招聘会' });
  return index;
}

describe('createDuplicateIndex: bookkeeping', () => {
  it('adds, replaces under the same id, removes', () => {
    const index = createDuplicateIndex();
    expect(index.size).toBe(0);
    index.add('a', ROADWORKS);
    index.add('b', CLINICS);
    expect(index.size).toBe(2);
    expect(index.has('a')).toBe(true);
    index.add('a', JOB_FAIR, { v: 2 });
    expect(index.size).toBe(2);
    expect(index.get('a')).toEqual({ text: JOB_FAIR, meta: { v: 2 } });
    expect(index.query(ROADWORKS)).toEqual([]);
    expect(index.query(JOB_FAIR)[0]?.id).toBe('a');
    expect(index.remove('a')).toBe(true);
    expect(index.remove('a')).toBe(false);
    expect(index.has('a')).toBe(false);
    expect(index.ids()).toEqual(['b']);
    expect(index.query(JOB_FAIR)).toEqual([]);
  });

  it('validates input at the boundary', () => {
    const index = createDuplicateIndex();
    expectValidation(() => index.add('', 'x'), [0]);
    expectValidation(() => index.add(1 as never, 'x'), [0]);
    expectValidation(() => index.add('a', null as never), [1]);
    expectValidation(() => index.add('a', 'x', (() => 1) as never));
    expectValidation(() => index.query('x', { limit: 0 }), ['limit']);
    expectValidation(() => index.query('x', { other: 1 } as never));
    expectValidation(() => createDuplicateIndex({ window: 0 }), ['window']);
    expectValidation(() => createDuplicateIndex({ minContainment: 2 }), ['minContainment']);
  });
});

describe('query: what it finds', () => {
  it('an exact copy: similarity 1, containment 1, passages in original offsets of both texts', () => {
    const [m, ...rest] = seeded().query(ROADWORKS);
    expect(rest).toEqual([]);
    expect(m).toMatchObject({ id: 'roadworks', similarity: 1, containment: 1, otherContainment: 1, meta: { title: '滨河北路施工' } });
    const covered = m!.passages.map((p) => ROADWORKS.slice(p.start, p.end)).join('');
    expect(norm(covered)).toBe(norm(ROADWORKS));
  });

  it('a copy with different punctuation, spacing and full-width digits maps passages back exactly', () => {
    const copy = ROADWORKS.replace(/，/g, ', ').replace(/。/g, '. ').replace(/4月10日/, '４月１０日');
    const [m] = seeded().query(copy);
    expect(m?.id).toBe('roadworks');
    expect(m!.containment).toBeGreaterThan(0.99);
    for (const p of m!.passages) {
      // Every passage is the same text on both sides once normalised (no gaps in an exact copy).
      expect(norm(copy.slice(p.start, p.end))).toBe(norm(ROADWORKS.slice(p.otherStart, p.otherEnd)));
      expect(copy.slice(p.start, p.end)).toBe(copy.slice(p.start, p.end).trim());
    }
  });

  it('light edits: a changed date, a dropped clause, a new sentence', () => {
    const edited = ROADWORKS.replace('4月10日', '4月15日')
      .replace('，请过往车辆提前绕行', '')
      .replace('敬请谅解。', '敬请广大市民谅解。感谢支持。');
    const [m] = seeded().query(edited);
    expect(m?.id).toBe('roadworks');
    expect(m!.containment).toBeGreaterThan(0.9);
    expect(m!.similarity).toBeGreaterThan(0.6);
  });

  it('15 % of characters substituted', () => {
    const rnd = prng(7);
    const pool = '甲乙丙丁戊己庚辛壬癸';
    const edited = [...CLINICS].map((c) => (/[\u4e00-\u9fff]/.test(c) && rnd() < 0.15 ? pool[Math.floor(rnd() * 10)] : c)).join('');
    const [m] = seeded().query(edited);
    expect(m?.id).toBe('clinics');
    expect(m!.containment).toBeGreaterThan(0.5);
  });

  it('reordered paragraphs: passages jump around the other text', () => {
    const paragraphs = ROADWORKS.split('\n');
    const shuffled = [paragraphs[2], paragraphs[0], paragraphs[3], paragraphs[1]].join('\n');
    const [m] = seeded().query(shuffled);
    expect(m?.id).toBe('roadworks');
    expect(m!.containment).toBeGreaterThan(0.95);
    const others = m!.passages.map((p) => p.otherStart);
    expect(others).not.toEqual([...others].sort((a, b) => a - b));
  });

  it('embedded in a longer compilation: found through the other direction', () => {
    const compilation = `本周要闻汇编\n${JOB_FAIR}\n${ROADWORKS}\n${CLINICS}`;
    const index = createDuplicateIndex();
    index.add('roadworks', ROADWORKS);
    const [m] = index.query(compilation);
    expect(m?.id).toBe('roadworks');
    expect(m!.otherContainment).toBeGreaterThan(0.95);
    expect(m!.containment).toBeLessThan(0.5);
    const first = m!.passages[0]!;
    expect(first.start).toBeGreaterThanOrEqual(compilation.indexOf(ROADWORKS));
  });

  it('the first half of an article', () => {
    const half = CLINICS.slice(0, Math.floor(CLINICS.length / 2));
    const [m] = seeded().query(half);
    expect(m?.id).toBe('clinics');
    expect(m!.containment).toBeGreaterThan(0.95);
    expect(m!.otherContainment).toBeGreaterThan(0.4);
    expect(m!.otherContainment).toBeLessThan(0.6);
  });

  it('a traditional-character copy', () => {
    const toTraditional = (OpenCC as unknown as { Converter(o: { from: string; to: string }): (s: string) => string }).Converter({ from: 'cn', to: 'tw' });
    const traditional = toTraditional(JOB_FAIR);
    expect(traditional).not.toBe(JOB_FAIR);
    const [m] = seeded().query(traditional);
    expect(m?.id).toBe('job-fair');
    expect(m!.containment).toBeGreaterThan(0.8);
  });

  it('does not report different articles that share only stock phrases', () => {
    const index = createDuplicateIndex();
    index.add('a', STOCK[0] + ROADWORKS + STOCK[1]);
    index.add('b', STOCK[0] + CLINICS + STOCK[1]);
    const matches = index.query(STOCK[0] + JOB_FAIR + STOCK[1]);
    expect(matches.filter((m) => score(m) >= 0.5)).toEqual([]);
  });

  it('honours exclude and limit, and ranks the closer copy first', () => {
    const index = seeded();
    index.add('roadworks-half', ROADWORKS.slice(0, 200));
    const all = index.query(ROADWORKS);
    expect(all.map((m) => m.id)).toEqual(['roadworks', 'roadworks-half']);
    expect(index.query(ROADWORKS, { limit: 1 }).map((m) => m.id)).toEqual(['roadworks']);
    expect(index.query(ROADWORKS, { exclude: ['roadworks'] }).map((m) => m.id)).toEqual(['roadworks-half']);
  });
});

describe('query: texts outside the fast path', () => {
  it('maps passages exactly through emoji, combining marks and ligatures', () => {
    const decorated = `👍🏻 ${ROADWORKS.slice(0, 120)} café\u0301 ﬁle ${ROADWORKS.slice(120)}`;
    const index = createDuplicateIndex();
    index.add('r', ROADWORKS);
    const [m] = index.query(decorated);
    expect(m?.id).toBe('r');
    expect(m!.containment).toBeGreaterThan(0.95);
    for (const p of m!.passages) {
      const mine = decorated.slice(p.start, p.end);
      expect(norm(mine).length).toBeGreaterThan(20);
      // Passages start and end on copied characters, never inside a surrogate pair.
      expect(norm(ROADWORKS.slice(p.otherStart, p.otherEnd))).toContain(norm(mine).slice(0, 20));
      expect(mine.charCodeAt(0)).not.toBeGreaterThanOrEqual(0xdc00);
    }
  });
});

describe('stats', () => {
  it('counts texts, text units and postings, and drops removed texts', () => {
    const index = createDuplicateIndex();
    index.add('a', ROADWORKS);
    index.add('b', CLINICS);
    const two = index.stats();
    expect(two).toMatchObject({ documents: 2, textUnits: ROADWORKS.length + CLINICS.length });
    expect(two.postings).toBeGreaterThan(2 * 32);
    expect(two.typedArrayBytes).toBeGreaterThan(0);
    index.remove('a');
    expect(index.stats()).toMatchObject({ documents: 1, textUnits: CLINICS.length });
  });
});

describe('query: short and empty texts', () => {
  it('texts shorter than a shingle match only themselves', () => {
    const index = createDuplicateIndex();
    for (const t of ['通知', '公告', '你好', '再见', 'ab']) index.add(t, t);
    expect(index.query('通知').map((m) => m.id)).toEqual(['通知']);
    expect(index.query('通 知！').map((m) => m.id)).toEqual(['通知']);
    expect(index.query('通告')).toEqual([]);
  });

  it('an empty text is accepted and matches nothing', () => {
    const index = createDuplicateIndex();
    index.add('empty', '');
    index.add('punct', '，。！');
    index.add('text', ROADWORKS);
    expect(index.query('')).toEqual([]);
    expect(index.query('，。').map((m) => m.id)).toEqual([]);
    expect(index.query(ROADWORKS).map((m) => m.id)).toEqual(['text']);
  });
});

describe('boilerplate: the document-frequency cap', () => {
  // 40 texts that share a long letterhead, each with a body of its own.
  const letterhead = '关于做好二〇二六年度政务信息公开工作的通知各县区人民政府市政府各部门各直属机构为进一步做好政务信息公开工作现将有关事项通知如下';
  const rnd = prng(11);
  const texts = Array.from({ length: 40 }, () => letterhead + randomText(rnd, 300));
  const query = letterhead + randomText(rnd, 300);

  it('a letterhead shared by more texts than the cap proposes no candidates', () => {
    const index = createDuplicateIndex({ maxDocumentFrequency: 16, minContainment: 0.05 });
    texts.forEach((t, i) => index.add(`t${i}`, t));
    expect(index.query(query)).toEqual([]);
  });

  it('without the cap the same letterhead matches every text', () => {
    const index = createDuplicateIndex({ maxDocumentFrequency: 1000, minContainment: 0.05 });
    texts.forEach((t, i) => index.add(`t${i}`, t));
    expect(index.query(query, { limit: 100 }).length).toBeGreaterThan(10);
  });
});

describe('properties', () => {
  it('similarity estimates the Jaccard similarity of the normalised 5-gram sets', () => {
    const grams = (s: string): Set<string> => {
      const n = norm(s);
      const g = new Set<string>();
      for (let i = 0; i + 5 <= n.length; i++) g.add(n.slice(i, i + 5));
      return g;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.double({ min: 0.02, max: 0.5, noNaN: true }), (seed, rate) => {
        const rnd = prng(seed);
        const base = randomText(rnd, 800);
        const edited = [...base].map((c) => (rnd() < rate ? '丙' : c)).join('');
        const index = createDuplicateIndex({ minContainment: 0 });
        index.add('base', base);
        const a = grams(base);
        const b = grams(edited);
        const inter = [...a].filter((g) => b.has(g)).length;
        const exact = inter / (a.size + b.size - inter);
        const m = index.query(edited)[0];
        const estimate = m?.similarity ?? 0;
        // 128 slots: standard error ≤ 0.045, so 0.16 is > 3.5 standard errors.
        if (m) expect(Math.abs(estimate - exact)).toBeLessThan(0.16);
        else expect(exact).toBeLessThan(0.3);
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it('passages are ordered, disjoint and inside both texts', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), (seed) => {
        const rnd = prng(seed);
        const parts = Array.from({ length: 4 }, () => randomText(rnd, 150));
        const other = parts.join('\n');
        const query = [parts[2], randomText(rnd, 60), parts[0], parts[3]!.slice(0, 80)].join('\n');
        const index = createDuplicateIndex();
        index.add('o', other);
        for (const m of index.query(query)) {
          let last = 0;
          for (const p of m.passages) {
            expect(p.start).toBeGreaterThanOrEqual(last);
            expect(p.end).toBeGreaterThan(p.start);
            expect(p.end).toBeLessThanOrEqual(query.length);
            expect(p.otherEnd).toBeGreaterThan(p.otherStart);
            expect(p.otherEnd).toBeLessThanOrEqual(other.length);
            last = p.end;
          }
          expect(m.containment).toBeGreaterThan(0);
          expect(m.containment).toBeLessThanOrEqual(1);
          expect(m.otherContainment).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 30, seed: 9 },
    );
  });

  it('removal is complete: after many adds and removes only live texts are found', () => {
    const rnd = prng(3);
    const index = createDuplicateIndex();
    const live = new Map<string, string>();
    // Enough removals to trigger compaction (more than 1,024 and more than the live count).
    for (let i = 0; i < 1500; i++) {
      const t = randomText(rnd, 60);
      index.add(`x${i}`, t);
      live.set(`x${i}`, t);
      if (i % 5 !== 0) {
        index.remove(`x${i}`);
        live.delete(`x${i}`);
      }
    }
    expect(index.size).toBe(live.size);
    for (const [id, t] of [...live].slice(0, 50)) expect(index.query(t, { limit: 3 })[0]?.id).toBe(id);
    expect(index.query(randomText(prng(99), 60))).toEqual([]);
  });
});
