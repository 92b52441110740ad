import { describe, expect, it } from 'vitest';
import { govpub } from './package-under-test';

const g: any = govpub;

const A = '为深入贯彻落实党中央国务院关于优化营商环境的决策部署，市政府决定自二〇二四年三月一日起在全市范围内推行企业开办一网通办服务。申请人可通过政务服务网提交材料，审核通过后即可领取营业执照和公章。各区政务服务中心设立专门窗口，为企业提供咨询和帮办代办服务。';
const B = '今年夏季气温偏高，市气象台提醒广大市民注意防暑降温，尽量避免在午后高温时段进行户外活动。老人和儿童应特别注意补充水分，出现头晕乏力等症状应及时就医。有关部门将加强对户外作业人员的劳动保护。';
const C = '今天下午，全市召开安全生产工作会议，总结上半年安全生产形势，部署下半年重点工作。会议要求各单位压实责任，深入开展隐患排查整治，坚决遏制重特大事故发生。';

describe('duplicate index', () => {
  it('add/has/size/remove; same id replaces', () => {
    const idx = g.createDuplicateIndex();
    expect(idx.size).toBe(0);
    idx.add('a', A);
    idx.add('b', B);
    expect(idx.size).toBe(2);
    expect(idx.has('a')).toBe(true);
    idx.add('a', C); // replaces
    expect(idx.size).toBe(2);
    const m = idx.query(A);
    expect(m.find((x: any) => x.id === 'a')).toBeUndefined();
    idx.remove('b');
    expect(idx.has('b')).toBe(false);
    expect(idx.size).toBe(1);
  });

  it('query finds an exact copy with similarity≈1, containment≈1, passages in both texts', () => {
    const idx = g.createDuplicateIndex();
    idx.add('a', A);
    idx.add('b', B);
    const q = '转载：' + A;
    const m = idx.query(q);
    expect(m.length).toBeGreaterThanOrEqual(1);
    const top = m[0];
    expect(top.id).toBe('a');
    expect(top.similarity).toBeGreaterThan(0.8);
    expect(top.similarity).toBeLessThanOrEqual(1);
    expect(top.containment).toBeGreaterThan(0.9);
    expect(top.containment).toBeLessThanOrEqual(1);
    expect(top.passages.length).toBeGreaterThan(0);
    for (const p of top.passages) {
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeLessThanOrEqual(q.length);
      expect(p.otherStart).toBeGreaterThanOrEqual(0);
      expect(p.otherEnd).toBeLessThanOrEqual(A.length);
      expect(p.end).toBeGreaterThan(p.start);
    }
    // passage texts line up (first passage roughly equals the aligned A text)
    const p0 = top.passages[0];
    expect(q.slice(p0.start, p0.end)).toBe(A.slice(p0.otherStart, p0.otherEnd));
    expect(m.find((x: any) => x.id === 'b')).toBeUndefined();
  });

  it('best first ordering, limit and exclude', () => {
    const idx = g.createDuplicateIndex();
    idx.add('full', A);
    idx.add('half', A.slice(0, 60));
    idx.add('other', B);
    const m = idx.query(A);
    expect(m.map((x: any) => x.id)[0]).toBe('full');
    expect(idx.query(A, { limit: 1 })).toHaveLength(1);
    const ex = idx.query(A, { exclude: ['full'] });
    expect(ex.find((x: any) => x.id === 'full')).toBeUndefined();
  });

  it('exclude as a single id string either works or is refused with VALIDATION (ambiguous)', () => {
    const idx = g.createDuplicateIndex();
    idx.add('full', A);
    try {
      const ex = idx.query(A, { exclude: 'full' });
      expect(ex.find((x: any) => x.id === 'full')).toBeUndefined();
    } catch (e: any) {
      expect(e.code).toBe('VALIDATION');
      expect(e.details.issues[0].path).toEqual(['exclude']);
    }
  });

  it('finds a traditional-character copy and a full-width copy', () => {
    const idx = g.createDuplicateIndex();
    const simp = '市政府決定';
    idx.add('a', '市政府决定自今年起在全市范围内推行企业开办一网通办服务，申请人可通过政务服务网提交材料，审核通过后即可领取营业执照。');
    const trad = '市政府決定自今年起在全市範圍內推行企業開辦一網通辦服務，申請人可通過政務服務網提交材料，審核通過後即可領取營業執照。';
    const m = idx.query(trad);
    expect(simp).toBeTruthy();
    expect(m[0]?.id).toBe('a');
    expect(m[0].containment).toBeGreaterThan(0.8);
  });

  it('unrelated documents are not reported; empty and short text fine', () => {
    const idx = g.createDuplicateIndex();
    idx.add('a', A);
    idx.add('s1', '你好');
    idx.add('s2', '再见');
    idx.add('e', '');
    expect(idx.query(B).filter((x: any) => x.id === 'a')).toHaveLength(0);
    const short = idx.query('你好');
    expect(short.filter((x: any) => x.id === 's2')).toHaveLength(0);
    expect(idx.query('')).toEqual([]);
  });

  it('toJSON / loadDuplicateIndex round-trip keeps results', () => {
    const idx = g.createDuplicateIndex();
    idx.add('a', A);
    idx.add('b', B);
    const json = idx.toJSON();
    const round = JSON.parse(JSON.stringify(json));
    const idx2 = g.loadDuplicateIndex(round);
    expect(idx2.size).toBe(2);
    expect(idx2.has('a')).toBe(true);
    const m1 = idx.query(A);
    const m2 = idx2.query(A);
    expect(m2).toEqual(m1);
  });

  it('loadDuplicateIndex refuses foreign JSON with VALIDATION', () => {
    expect(() => g.loadDuplicateIndex({ hello: 'world' })).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    const json = JSON.parse(JSON.stringify(g.createDuplicateIndex().toJSON()));
    for (const k of Object.keys(json)) if (/version/i.test(k)) json[k] = 999;
    expect(() => g.loadDuplicateIndex(json)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('originality: 1 with no matches, ~0 for a full copy, in 0..1', () => {
    const idx = g.createDuplicateIndex();
    idx.add('a', A);
    expect(g.originality(B, [])).toBe(1);
    const full = g.originality(A, idx.query(A));
    expect(full).toBeGreaterThanOrEqual(0);
    expect(full).toBeLessThan(0.1);
    const half = A + B;
    const o = g.originality(half, idx.query(half));
    expect(o).toBeGreaterThan(0.3);
    expect(o).toBeLessThan(0.7);
  });

  it('containment is the share of the query covered by passages of that match', () => {
    const idx = g.createDuplicateIndex();
    idx.add('a', A);
    const q = A + B;
    const m = idx.query(q).find((x: any) => x.id === 'a');
    expect(m).toBeTruthy();
    const covered = m.passages.reduce((s: number, p: any) => s + (p.end - p.start), 0);
    // containment may be computed on normalised text; allow a tolerance
    expect(Math.abs(m.containment - covered / q.length)).toBeLessThan(0.1);
    expect(Math.abs(m.containment - A.length / q.length)).toBeLessThan(0.1);
  });

  it('empty text originality is defined (ambiguous: 1)', () => {
    expect(g.originality('', [])).toBe(1);
  });

  it('add validates input (non-string text → VALIDATION)', () => {
    const idx = g.createDuplicateIndex();
    expect(() => idx.add('x', 42)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });
});
