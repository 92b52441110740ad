import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { zhGovRules, type Fact, type RuleSet } from '../../caliber/index';
import { BUILT_IN_CHANNELS } from '../../channels/index';
import { createDuplicateIndex } from '../../duplicates/index';
import { parseCommandArgs } from '../args';
import { collectFiles } from '../collect-files';
import type { FileReport } from '../file-finding';
import { CHECK_HELP } from '../help';
import { UsageError, type CliIo } from '../io';
import { readJsonFile } from '../json-file';
import { progressBar } from '../progress';
import { formatJson } from '../report/json';
import { toSarif } from '../report/sarif';
import { formatStylish } from '../report/stylish';
import { checkSource, ruleSetsFromJson, type CheckSetup } from '../run-checks';
import { readSource } from '../source-file';
import { painter } from '../style';
import { govpubVersion } from '../version';

const FORMATS = ['stylish', 'json', 'sarif'] as const;

/** Parses `--channels a,b,c`; unknown channel ids are usage errors. */
export function parseChannels(value: string | undefined): string[] {
  if (!value) return [];
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const known = Object.keys(BUILT_IN_CHANNELS);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length) throw new UsageError(`--channels: unknown channel ${unknown.join(', ')} / 未知渠道 (known: ${known.join(', ')})`);
  return [...new Set(ids)];
}

/** Loads `--rules` files: the built-in zhGovRules first, then each file's sets. */
export async function loadRuleSets(files: readonly string[], cwd: string): Promise<RuleSet[]> {
  const sets: RuleSet[] = [zhGovRules];
  for (const file of files) sets.push(...ruleSetsFromJson(await readJsonFile(resolve(cwd, file), '--rules'), file));
  return sets;
}

/** `govpub check`: returns the exit code. */
export async function checkCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    rules: { type: 'string', multiple: true },
    roster: { type: 'string' },
    facts: { type: 'string' },
    channels: { type: 'string' },
    signature: { type: 'string' },
    against: { type: 'string' },
    format: { type: 'string', default: 'stylish' },
    output: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(CHECK_HELP);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')} / 输出格式只能是 ${FORMATS.join('、')}`);
  if (!positionals.length) throw new UsageError('no files given / 未指定文件: govpub check <files|folders…> (see govpub check --help)');
  const channels = parseChannels(values.channels);
  if (channels.includes('sms') && !values.signature) throw new UsageError('--channels sms needs --signature 【…】 / 短信渠道需要 --signature 签名');

  const setup: CheckSetup = {
    ruleSets: await loadRuleSets(values.rules ?? [], io.cwd),
    channels,
    onRosterUnsupported: () => io.stderr.write('govpub: --roster ignored: this version of checkCaliber has no roster option / 此版本的口径检查不支持领导名录，已忽略 --roster\n'),
  };
  if (values.signature) setup.signature = values.signature;
  if (values.facts) {
    const facts = await readJsonFile(resolve(io.cwd, values.facts), '--facts');
    if (!Array.isArray(facts)) throw new UsageError(`--facts ${values.facts}: expected an array of { "label", "value" } / 应为 { "label", "value" } 数组`);
    setup.facts = facts as Fact[];
  }
  if (values.roster) setup.roster = await readJsonFile(resolve(io.cwd, values.roster), '--roster');

  const files = await collectFiles(positionals, io.cwd);
  if (values.against) setup.duplicates = await indexFolder(values.against, io);

  const reports: FileReport[] = [];
  for (const file of files) {
    const source = await readSource(file.absolute, file.shown);
    try {
      reports.push({ path: file.shown, title: source.title, findings: checkSource(source, setup) });
    } catch (e) {
      // Bad --facts values and the like surface here, on the first file, as VALIDATION.
      if (e instanceof Error && 'code' in e && (e as { code: unknown }).code === 'VALIDATION') throw new UsageError(e.message);
      throw e;
    }
  }

  let report: string;
  if (format === 'json') report = formatJson(reports);
  else if (format === 'sarif') report = `${JSON.stringify(toSarif(reports, govpubVersion(), pathToFileURL(io.cwd).href), null, 2)}\n`;
  else report = formatStylish(reports, values.output ? (_s, t) => t : painter(io.stdout, io.env));
  if (values.output) {
    const out = resolve(io.cwd, values.output);
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, report);
  } else {
    io.stdout.write(report);
  }
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

async function indexFolder(folder: string, io: CliIo): Promise<NonNullable<CheckSetup['duplicates']>> {
  const published = await collectFiles([folder], io.cwd);
  const index = createDuplicateIndex();
  const exclude = new Map<string, string>();
  const bar = progressBar(io.stderr, '索引已发布文稿 indexing', published.length);
  let done = 0;
  for (const file of published) {
    const source = await readSource(file.absolute, file.shown);
    index.add(file.shown, source.body);
    // A draft that is itself in the published folder must not match itself.
    exclude.set(file.shown, file.shown);
    bar.tick(++done);
  }
  bar.done();
  return { index, warnAt: 0.5, blockAt: 0.8, exclude };
}
