import fc from 'fast-check';

/** A nest of `depth` arrays (`[[[…]]]`), built without recursion. */
export function deepArray(depth: number): unknown {
  let v: unknown = [];
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** A nest of `depth` objects under keys that look like options (`{ limits: { limits: … } }`). */
export function deepObject(depth: number, key = 'limits'): unknown {
  let v: unknown = {};
  for (let i = 0; i < depth; i++) v = { [key]: v };
  return v;
}

/** Objects whose own keys are `__proto__`, `constructor` and `prototype`, as JSON.parse makes them. */
export const POLLUTERS: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"limits": {"__proto__": {"polluted": "yes"}}}'),
  JSON.parse('{"theme": {"__proto__": {"polluted": "yes"}, "constructor": "color: red"}}'),
  JSON.parse('{"title": "t", "body": "b", "__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"wechat": {"__proto__": {"polluted": "yes"}}, "__proto__": {"sms": {"signature": "x"}}}'),
  JSON.parse('{"kinds": ["__proto__"], "__proto__": {"minConfidence": 2}}'),
];

/** Strings that break naive code: lone surrogates, controls, huge numerics, markup, entities. */
const NASTY_STRINGS = [
  '', ' ', '\u0000', '\ud800', '\udc00x', '\u200b', '\ufeff', 'NaN', '-1', '1e309', '__proto__', 'constructor', 'toString',
  '<script>alert(1)</script>', '&#0;&#xD800;&#1114112;', 'javascript:alert(1)', '机密★1年', '11010519491231002X',
  '110105 19491231 002X', 'xxgk@yunchuan.gov.cn', '[a](javascript:x)', '![](http://x)', '](](](', '`'.repeat(50), '*'.repeat(50),
  'e' + '\u0301'.repeat(300), '🇨🇳'.repeat(40), '\r\n'.repeat(20),
];

/** Any value a careless or hostile caller might pass, biased to the shapes that break code. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.anything({ withBigInt: true, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, maxDepth: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('政', '务', '机', '密', '★', '1', '年', '\n', '<', '>', '&', '#', ';', 'a', '@', '.', ' ', '\u200b', '\ud83d', '\ude00', '*', '[', ']', '(', ')'), maxLength: 120 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(NaN, Infinity, -Infinity, -0, 2 ** 53, -1, 1.5, 10n, null, undefined, true, Symbol('s'), () => 1, new Date(NaN), ...POLLUTERS) },
  { weight: 1, arbitrary: fc.record({ title: fc.string(), body: fc.string() }, { requiredKeys: [] }) },
);
