import { writeFile } from 'node:fs/promises';
import { createTwoFilesPatch } from 'diff';
import { applyFixes, checkCaliber, type RuleSet } from '../../caliber/index';
import type { Finding } from '../../findings/index';
import { parseCommandArgs } from '../args';
import { collectFiles } from '../collect-files';
import { FIX_HELP } from '../help';
import { UsageError, type CliIo } from '../io';
import { readSource } from '../source-file';
import { painter } from '../style';
import { loadRuleSets } from './check';

// Fixes can enable one another (a replaced term revealing a punctuation fix); a few passes
// reach the fixed point, and the cap guards against rules that undo each other.
const MAX_PASSES = 5;

/**
 * The fixes `fix` may apply. Once caliber marks fixes with `safe`, only `safe: true` ones;
 * until then every caliber fix (all of which are replacements a rule states exactly).
 */
export function safeFixes(findings: readonly Finding[]): Finding[] {
  const withFix = findings.filter((f) => f.fix);
  const marked = withFix.some((f) => 'safe' in (f.fix as object));
  return marked ? withFix.filter((f) => (f.fix as { safe?: unknown }).safe === true) : withFix;
}

/** Applies safe fixes to a text until nothing changes; returns the new text and the count. */
export function fixText(text: string, ruleSets: readonly RuleSet[], markdown: boolean): { text: string; applied: number } {
  let current = text;
  let applied = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const fixes = safeFixes(checkCaliber(current, ruleSets, { markdown }));
    if (!fixes.length) break;
    const next = applyFixes(current, fixes);
    if (next === current) break;
    applied += fixes.length;
    current = next;
  }
  return { text: current, applied };
}

/** `govpub fix`: returns the exit code. */
export async function fixCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    'dry-run': { type: 'boolean' },
    write: { type: 'boolean' },
    rules: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout.write(FIX_HELP);
    return 0;
  }
  if (values['dry-run'] && values.write) throw new UsageError('--dry-run and --write exclude each other / 不能同时使用 --dry-run 和 --write');
  if (!positionals.length) throw new UsageError('no files given / 未指定文件: govpub fix <files…> (see govpub fix --help)');
  const ruleSets = await loadRuleSets(values.rules ?? [], io.cwd);
  const paint = painter(io.stdout, io.env);
  const write = !values['dry-run'];
  let changedFiles = 0;
  for (const file of await collectFiles(positionals, io.cwd)) {
    const source = await readSource(file.absolute, file.shown);
    if (source.kind === 'docx') {
      io.stderr.write(`${file.shown}: skipped, .docx files are never changed / 不修改 .docx 文件\n`);
      continue;
    }
    const { text, applied } = fixText(source.text, ruleSets, source.kind === 'markdown');
    if (text === source.text) continue;
    changedFiles++;
    const patch = createTwoFilesPatch(file.shown, file.shown, source.text, text, undefined, undefined, { context: 3 });
    io.stdout.write(colourDiff(patch, paint));
    if (write) {
      await writeFile(file.absolute, text);
      io.stderr.write(`${file.shown}: ${applied} fix${applied === 1 ? '' : 'es'} written / 已写入 ${applied} 处修正\n`);
    }
  }
  if (!changedFiles) io.stderr.write('nothing to fix / 没有可自动修正的内容\n');
  else if (!write) io.stderr.write(`${changedFiles} file(s) would change (dry run) / ${changedFiles} 个文件将被修改（仅预览）\n`);
  return 0;
}

function colourDiff(patch: string, paint: ReturnType<typeof painter>): string {
  return patch
    .split('\n')
    .map((line) => (line.startsWith('+++') || line.startsWith('---') ? paint('bold', line) : line.startsWith('+') ? paint('green', line) : line.startsWith('-') ? paint('red', line) : line.startsWith('@@') ? paint('cyan', line) : line))
    .join('\n');
}
