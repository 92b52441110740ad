import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeletedTextRun, Paragraph, TextRun } from 'docx';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx } from '../import/make-docx';
import { FIXTURES, runBin } from './run-bin';

// Each case spawns a Node process; on a shared 2-core machine that can take seconds.
const SLOW = 60_000;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'govpub-cli-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('govpub --help', () => {
  it('explains itself in Chinese and English, for every command', { timeout: SLOW }, async () => {
    const main = await runBin(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('用法 Usage');
    for (const command of ['check', 'fix', 'preview', 'migrate']) {
      const r = await runBin([command, '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(/用法 Usage:\n {2}govpub /);
      expect(r.stdout, command).toContain('选项 Options');
    }
  });

  it('exits 2 on usage errors, with the reason on stderr', { timeout: SLOW }, async () => {
    for (const args of [['bogus'], [], ['check'], ['check', '--format', 'xml', 'a.md'], ['check', '--nope', 'a.md'], ['check', 'missing.md'], ['check', '--channels', 'fax', `${FIXTURES}/clean.md`], ['check', '--channels', 'sms', `${FIXTURES}/clean.md`], ['check', '--rules', `${FIXTURES}/clean.md`, `${FIXTURES}/clean.md`]]) {
      const r = await runBin(args);
      expect(r.code, args.join(' ')).toBe(2);
      if (args.length) expect(r.stderr, args.join(' ')).toMatch(/govpub/);
    }
  });
});

describe('govpub check', () => {
  it('exits 0 on a clean file and prints nothing', { timeout: SLOW }, async () => {
    const r = await runBin(['check', 'test/cli/fixtures/clean.md']);
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });

  it('prints stylish output (file, line:column, severity, message, rule, source) and exits 1 on errors', { timeout: SLOW }, async () => {
    const r = await runBin(['check', '--rules', 'test/cli/fixtures/rules.json', 'test/cli/fixtures/loud.md', 'test/cli/fixtures/bad.md']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('test/cli/fixtures/loud.md\n');
    expect(r.stdout).toMatch(/^ {2}3:8 {2}error {4}公文不用连续感叹号 {2}city-office\/no-exclaim$/m);
    expect(r.stdout).toContain('来源 source: 本单位宣传口径');
    expect(r.stdout).toMatch(/3:\d+ {2}warning {2}.*confidentiality\/mobile/);
    expect(r.stdout).toMatch(/✖ \d+ problems \(1 error, \d+ warnings\)/);
    // Not a terminal: no escape codes.
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('prints JSON with offsets and line/column, and checks --facts', { timeout: SLOW }, async () => {
    const r = await runBin(['check', '--format', 'json', '--facts', 'test/cli/fixtures/facts.json', 'test/cli/fixtures/loud.md']);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout) as { filePath: string; title: string; errorCount: number; findings: { ruleId: string; line: number; column: number; excerpt: string }[] }[];
    expect(file).toMatchObject({ filePath: 'test/cli/fixtures/loud.md', title: '关于春节放假的通知', errorCount: 1 });
    expect(file!.findings).toContainEqual(expect.objectContaining({ ruleId: 'caliber/fact-mismatch', line: 3, column: 16, excerpt: '56' }));
  });

  it('writes SARIF 2.1.0 in the shape GitHub code scanning reads', { timeout: SLOW }, async () => {
    const out = join(work, 'report.sarif');
    const r = await runBin(['check', '--format', 'sarif', '--output', out, '--rules', 'test/cli/fixtures/rules.json', 'test/cli/fixtures/']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const log = JSON.parse(await readFile(out, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const [run] = log.runs;
    expect(run.tool.driver.name).toBe('govpub');
    const ruleIds = run.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(new Set(ruleIds).size).toBe(ruleIds.length);
    for (const rule of run.tool.driver.rules) expect(rule.shortDescription.text).toBeTruthy();
    expect(run.results.length).toBeGreaterThan(0);
    for (const result of run.results) {
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.message.text).toBeTruthy();
      const { artifactLocation, region } = result.locations[0].physicalLocation;
      expect(artifactLocation.uri).toMatch(/^test\/cli\/fixtures\/[^/]+(\/[^/]+)?\.(md|txt)$/);
      expect(artifactLocation.uriBaseId).toBe('%SRCROOT%');
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) expect(Number.isInteger(region[key]) && region[key] >= 1, key).toBe(true);
      expect(region.endLine * 1e6 + region.endColumn).toBeGreaterThanOrEqual(region.startLine * 1e6 + region.startColumn);
    }
    const exclaim = run.results.find((x: { ruleId: string }) => x.ruleId === 'city-office/no-exclaim');
    expect(exclaim.locations[0].physicalLocation.region).toMatchObject({ startLine: 3, startColumn: 8, endLine: 3, endColumn: 11, snippet: { text: '！！！' } });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/.*\/$/);
  });

  it('checks channels and duplicates against a folder of published texts', { timeout: SLOW }, async () => {
    const r = await runBin(['check', '--format', 'json', '--channels', 'wechat,sms', '--signature', '【某市人民政府】', '--against', 'test/cli/fixtures/published', 'test/cli/fixtures/clean.md']);
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout);
    const dup = file.findings.find((f: { ruleId: string }) => f.ruleId === 'duplicates/near-duplicate');
    expect(dup).toMatchObject({ severity: 'error', line: 3 });
    expect(dup.message).toContain('test/cli/fixtures/published/earlier.md');
    // Not a terminal: no progress bar.
    expect(r.stderr).not.toContain('索引');
  });

  it('passes --roster to caliber when it supports rosters, else says it was ignored and still checks', { timeout: SLOW }, async () => {
    const r = await runBin(['check', '--format', 'json', '--roster', 'test/cli/fixtures/roster.json', 'test/cli/fixtures/notice.txt']);
    expect(r.code).toBe(0);
    const [file] = JSON.parse(r.stdout);
    expect(file.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('zh-gov/covid-name');
    // Either the roster was used (no notice) or the notice explains why not; never both silent and ignored.
    if (r.stderr) expect(r.stderr).toContain('--roster ignored');
  });

  it('reads a .docx and reports its tracked changes with the reviser', { timeout: SLOW }, async () => {
    const path = join(work, 'draft.docx');
    await writeFile(
      path,
      await makeDocx([
        new Paragraph('关于停水的通知'),
        new Paragraph({ children: [new TextRun('停水时间为'), new DeletedTextRun({ text: '3月5日', id: 1, author: '李主任', date: '2026-03-01T09:30:00Z' }), new TextRun('3月6日。')] }),
      ]),
    );
    const r = await runBin(['check', path], { cwd: work });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('draft.docx');
    expect(r.stdout).toMatch(/error {4}未处理的修订：“李主任”.*import\/tracked-change/);
  });
});

describe('govpub fix', () => {
  it('shows a unified diff and leaves the file alone with --dry-run', { timeout: SLOW }, async () => {
    const path = join(work, 'dry.md');
    await copyFile(join(FIXTURES, 'loud.md'), path);
    const before = await readFile(path, 'utf8');
    const r = await runBin(['fix', '--dry-run', 'dry.md'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--- dry.md\n+++ dry.md\n');
    expect(r.stdout).toContain('-祝大家节日快乐！！！本次共检查56家企业。\n+祝大家节日快乐！本次共检查56家企业。');
    expect(await readFile(path, 'utf8')).toBe(before);
  });

  it('writes the fixed text back by default, and never touches .docx', { timeout: SLOW }, async () => {
    const path = join(work, 'write.txt');
    await copyFile(join(FIXTURES, 'notice.txt'), path);
    const docx = join(work, 'keep.docx');
    const bytes = await makeDocx([new Paragraph('题'), new Paragraph('新冠肺炎防控')]);
    await writeFile(docx, bytes);
    const r = await runBin(['fix', 'write.txt', 'keep.docx'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+各单位：新冠病毒感染防控期间，请做好检查。');
    expect(await readFile(path, 'utf8')).toBe('关于开展安全检查的通知\n\n各单位：新冠病毒感染防控期间，请做好检查。\n');
    expect(r.stderr).toContain('keep.docx: skipped');
    expect(new Uint8Array(await readFile(docx))).toEqual(bytes);
    // A second run finds nothing left to fix.
    const again = await runBin(['fix', 'write.txt'], { cwd: work });
    expect(again).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('govpub preview', () => {
  it('writes the multi-channel preview page', { timeout: SLOW }, async () => {
    const r = await runBin(['preview', join(FIXTURES, 'bad.md'), '--out', 'out/preview.html', '--signature', '【某市人民政府】'], { cwd: work });
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(join('out', 'preview.html'));
    const html = await readFile(join(work, 'out', 'preview.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('关于疫情防控的通知');
    for (const channel of ['wechat', 'weibo', 'website', 'push', 'sms', 'rss']) expect(html).toContain(channel);
  });
});

describe('govpub migrate', () => {
  it('--dry-run without a database prints every migration as SQL', { timeout: SLOW }, async () => {
    const r = await runBin(['migrate', '--dry-run', '--schema', 'office_test'], { env: { DATABASE_URL: '' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-- migration 1:');
    expect(r.stdout).toContain('CREATE TABLE "office_test".documents');
    expect(r.stdout).not.toContain('"govpub"');
  });

  it('refuses to run without a database and rejects a bad schema name', { timeout: SLOW }, async () => {
    expect((await runBin(['migrate'], { env: { DATABASE_URL: '' } })).code).toBe(2);
    const bad = await runBin(['migrate', '--dry-run', '--schema', 'Robert"; DROP'], { env: { DATABASE_URL: '' } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('schema');
  });

  const url = process.env.DATABASE_URL;
  it.runIf(Boolean(url))('applies the schema to a real server, and --dry-run then has nothing pending', { timeout: SLOW }, async () => {
    const schema = `cli_${Date.now().toString(36)}`;
    const pending = await runBin(['migrate', '--dry-run', '--schema', schema, '--database-url', url!]);
    expect(pending.code).toBe(0);
    expect(pending.stdout).toContain(`CREATE TABLE "${schema}".documents`);
    const applied = await runBin(['migrate', '--schema', schema, '--database-url', url!]);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('applied 1');
    const after = await runBin(['migrate', '--dry-run', '--schema', schema, '--database-url', url!]);
    expect(after.stdout).toContain('no pending migrations');
    // Leave the server as it was.
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    try {
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await pool.end();
    }
  });
});
