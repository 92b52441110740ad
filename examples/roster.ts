/**
 * `npx tsx examples/roster.ts`: how a county government office keeps its leader roster and its
 * caliber packs next to its own rule set, and what a check finds in a meeting report.
 *
 * The roster and the office's rules are plain JSON the office edits (in a repository, a
 * database, a CMS form); govpub validates them once at start-up. In your project, import from
 * 'govpub' exactly as below.
 */
import { agencyRenameRules, applyFixes, checkCaliber, defineRoster, defineRuleSet, defaultRuleSets, xinhuaRules, type Finding } from 'govpub';

// ── The roster: names, exact titles, and the order of precedence (array order) ──────────────
const roster = defineRoster({
  id: 'yunchuan-county',
  name: '云川县领导名册（2025年10月）',
  leaders: [
    { name: '陈立新', titles: ['县委书记'] },
    { name: '王建华', titles: ['县委副书记', '县长'] },
    { name: '赵国平', titles: ['县委常委', '常务副县长'] },
    { name: '刘志强', titles: ['副县长'] },
    { name: '孙丽娟', titles: ['副县长'] },
  ],
});

// ── The office's own rules, and a pack the office extends rule by rule ──────────────────────
const office = defineRuleSet({
  id: 'yunchuan',
  rules: [
    { id: 'park-name', type: 'replace', patterns: ['云川工业园'], expected: '云川经济技术开发区', severity: 'error', source: '县政府办〔2024〕3号' },
  ],
});
// A pack is a rule set like any other: copy it, drop a rule the office does not want, add one.
const xinhuaForOffice = defineRuleSet({
  ...structuredClone(xinhuaRules),
  id: 'xinhua-yunchuan',
  rules: [
    ...structuredClone(xinhuaRules.rules).filter((r) => r.id !== 'leader-adjectives'),
    { id: 'village-head-local', type: 'banned', terms: ['村官'], message: '本县文稿称“大学生村干部”', source: '县委组织部口径' },
  ],
});

const draft = [
  '县委副书记、县长王健华主持召开县政府常务会议，常务副县长刘志强、孙丽娟出席。',
  '会议听取了县安监局关于安全生产工作的汇报，要求各乡镇严格落实责任,确保安全。',
  '2017年，原县环保局已开展过同类排查；云川工业园的整治工作要在8:00-18:00错峰开展。',
].join('\n');

function show(findings: Finding[]): void {
  for (const f of findings) {
    const fix = f.fix ? ` → ${f.fix.text}${f.fix.safe ? '（可自动修正）' : '（需人工确认）'}` : '';
    console.log(`${f.line}:${f.column} ${f.severity.padEnd(7)} ${f.ruleId.padEnd(36)} “${f.excerpt}”${fix}`);
    console.log(`    ${f.message}${f.source ? `  [${f.source}]` : ''}`);
  }
}

// The default packs (zh-gov, xinhua, agency-2018, spam) plus the office's own rules.
console.log('── with the default packs ──');
const findings = checkCaliber(draft, [...defaultRuleSets, office], { roster });
show(findings);

// Only the fixes safe without a human are applied; the rest wait for an editor.
console.log('\n── after applying the safe fixes ──');
console.log(applyFixes(draft, findings));

// The office's variant of the Xinhua pack instead of the built-in one.
console.log('\n── with the office\'s Xinhua pack ──');
show(checkCaliber('村官小李带领村民致富', [xinhuaForOffice]));

// A review of 2017 speaks of a time when the old agency names were right.
console.log('\n── a document about 2017 (asOf) ──');
show(checkCaliber('县安监局组织开展安全生产月活动', agencyRenameRules, { asOf: new Date('2017-06-01T00:00:00+08:00') }));
console.log('(none)');
