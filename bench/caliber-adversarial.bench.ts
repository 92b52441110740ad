/**
 * Caliber on adversarial input: each hostile text is checked side by side with a plain notice
 * of the same length, in one run, and the table prints the ratio. A ratio that grows with the
 * length means the work is not linear (before the fix, 160,000 characters of `](` took 21 s,
 * about 4,000× a plain text).
 *
 * Cases: Markdown shapes that once made the skip scanner rescan (`](` runs, nested `[a](`,
 * backtick runs of growing length, an e-mail local part without a domain, a URL ending in
 * parentheses), and regex rules of an office: a ReDoS-shaped rule that passes the static
 * screen (`\d*x`, quadratic per slice) on digits, against the same rule on prose. Patterns the
 * screen refuses (`(a+)+$`, `\d*\d*x`) are listed with the reason they were refused.
 *
 * `npx tsx bench/caliber-adversarial.bench.ts`; `BENCH_QUICK=1` for small sizes.
 */
import { checkCaliber, defineRuleSet, zhGovRules, type RuleSet } from '../src/caliber/index';
import { isGovpubError } from '../src/errors/index';
import { generatedNotice } from './generated-notice';

const QUICK = process.env.BENCH_QUICK === '1';
const SIZES = QUICK ? [10_000, 40_000] : [40_000, 160_000];

function plain(n: number): string {
  let s = '';
  for (let seed = 1; s.length < n; seed++) s += generatedNotice(seed) + '\n\n';
  return s.slice(0, n);
}

function repeatTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

const SHAPES: Record<string, (n: number) => string> = {
  '"](" run': (n) => repeatTo('](', n),
  'nested "[a]("': (n) => repeatTo('[a](', n),
  'backtick runs 1, 2, 3, …': (n) => {
    let s = '';
    for (let k = 1; s.length < n; k++) s += '`'.repeat(k % 200) + '字';
    return s.slice(0, n);
  },
  'e-mail without a domain': (n) => 'a'.repeat(n - 1) + '@',
  'URL ending in ")"': (n) => 'http://x.cn/' + ')'.repeat(n - 12),
};

function time(f: () => void): number {
  f(); // warm-up
  const runs = 3;
  const start = performance.now();
  for (let i = 0; i < runs; i++) f();
  return (performance.now() - start) / runs;
}

const office: RuleSet = defineRuleSet({ id: 'office', rules: [{ id: 'digits-x', type: 'regex', pattern: '\\d*x', message: '示例规则' }] });

console.log('| input | chars | hostile ms | plain ms | ratio |');
console.log('|---|---:|---:|---:|---:|');
for (const n of SIZES) {
  const base = plain(n);
  const plainMs = time(() => checkCaliber(base, zhGovRules));
  for (const [name, make] of Object.entries(SHAPES)) {
    const text = make(n);
    const ms = time(() => checkCaliber(text, zhGovRules));
    console.log(`| ${name} (zhGovRules) | ${n} | ${ms.toFixed(1)} | ${plainMs.toFixed(1)} | ${(ms / plainMs).toFixed(2)} |`);
  }
  const digits = '1'.repeat(n);
  const ruleOnDigits = time(() => checkCaliber(digits, office));
  const ruleOnPlain = time(() => checkCaliber(base, office));
  console.log(`| office rule \`\\d*x\` on digits vs prose | ${n} | ${ruleOnDigits.toFixed(1)} | ${ruleOnPlain.toFixed(1)} | ${(ruleOnDigits / ruleOnPlain).toFixed(2)} |`);
}

console.log('\nRefused at defineRuleSet:');
for (const pattern of ['(a+)+$', '(a|ab)*c', '\\d*\\d*x', '(.)\\1']) {
  try {
    defineRuleSet({ id: 'o', rules: [{ id: 'r', type: 'regex', pattern }] });
    console.log(`- ${pattern}: ACCEPTED (unexpected)`);
    process.exitCode = 1;
  } catch (e) {
    const issue = isGovpubError(e) ? (e.details as { issues: { message: string }[] }).issues[0]?.message : String(e);
    console.log(`- \`${pattern}\`: ${issue}`);
  }
}
