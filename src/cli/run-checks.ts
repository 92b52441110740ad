import { checkCaliber, defineRuleSet, type Fact, type RuleSet } from '../caliber/index';
import { formatAll, type Article, type FormatOptions } from '../channels/index';
import { detectSensitive } from '../confidentiality/index';
import type { DuplicateIndex } from '../duplicates/index';
import { isGovpubError } from '../errors/index';
import { LineIndex, type Finding } from '../findings/index';
import { byPlace, placeFinding, type FileFinding } from './file-finding';
import { UsageError } from './io';
import type { SourceFile } from './source-file';

/** What `govpub check` runs on every file. */
export interface CheckSetup {
  ruleSets: RuleSet[];
  facts?: Fact[];
  /** Passed to `checkCaliber` as `{ roster }` when that version supports it. */
  roster?: unknown;
  channels: string[];
  signature?: string;
  duplicates?: { index: DuplicateIndex; warnAt: number; blockAt: number; exclude: Map<string, string> };
  /** Called once when `--roster` had to be ignored. */
  onRosterUnsupported?: () => void;
}

/** Builds rule sets from `--rules` JSON (one set or an array); invalid sets are usage errors. */
export function ruleSetsFromJson(json: unknown, file: string): RuleSet[] {
  const list = Array.isArray(json) ? json : [json];
  return list.map((item, i) => {
    try {
      return defineRuleSet(item);
    } catch (e) {
      if (isGovpubError(e)) {
        const issues = ((e.details?.issues ?? []) as { path: (string | number)[]; message: string }[])
          .map((issue) => `  ${[...(Array.isArray(json) ? [i] : []), ...issue.path].join('.') || '(root)'}: ${issue.message}`)
          .join('\n');
        throw new UsageError(`--rules ${file}: invalid rule set / 规则集无效\n${issues}`);
      }
      throw e;
    }
  });
}

let rosterSupported: boolean | undefined;

// checkCaliber validates its options strictly; a version without rosters names `roster` in
// its VALIDATION issues, and the check then runs without it (once told, not per file).
function caliber(text: string, setup: CheckSetup, markdown: boolean): Finding[] {
  const base = { markdown, ...(setup.facts ? { facts: setup.facts } : {}) };
  if (setup.roster !== undefined && rosterSupported !== false) {
    try {
      const found = checkCaliber(text, setup.ruleSets, { ...base, roster: setup.roster } as Parameters<typeof checkCaliber>[2]);
      rosterSupported = true;
      return found;
    } catch (e) {
      const mentionsRoster = isGovpubError(e) && e.code === 'VALIDATION' && JSON.stringify(e.details?.issues ?? []).includes('roster');
      if (!mentionsRoster || rosterSupported === true) throw e;
      rosterSupported = false;
      setup.onRosterUnsupported?.();
    }
  }
  return checkCaliber(text, setup.ruleSets, base);
}

/** Runs caliber, confidentiality, channel and duplicate checks on one file; findings in file order. */
export function checkSource(source: SourceFile, setup: CheckSetup): FileFinding[] {
  const index = new LineIndex(source.text);
  const out: FileFinding[] = source.readFindings.map((f) => placeFinding(index, f));
  for (const f of caliber(source.text, setup, source.kind !== 'text')) out.push(placeFinding(index, f));
  for (const f of detectSensitive(source.text)) out.push(placeFinding(index, f));

  if (setup.channels.length) {
    const article: Article = { title: source.title, body: source.body };
    const options: Record<string, FormatOptions> = {};
    if (setup.signature) options.sms = { signature: setup.signature };
    for (const output of formatAll(article, setup.channels, options)) {
      for (const f of output.findings) {
        // Channel findings index into the title, the body or a payload field (details.field).
        const field = (f.details?.field as string | undefined) ?? f.field;
        const shift = field === 'body' ? source.bodyOffset : field === 'title' && source.titleOffset >= 0 ? source.titleOffset : undefined;
        const placed = shift === undefined ? { ...f, start: source.bodyOffset, end: source.bodyOffset } : { ...f, start: f.start + shift, end: f.end + shift };
        const message = shift === undefined ? `[${output.channel}.${f.field}] ${f.message}` : `[${output.channel}] ${f.message}`;
        out.push(placeFinding(index, { ...placed, message }, output.channel));
      }
    }
  }

  if (setup.duplicates) out.push(...duplicateFindings(source, index, setup.duplicates));
  return out.sort(byPlace);
}

function duplicateFindings(source: SourceFile, index: LineIndex, d: NonNullable<CheckSetup['duplicates']>): FileFinding[] {
  const exclude = d.exclude.get(source.path);
  const matches = d.index.query(source.body, { limit: 5, ...(exclude ? { exclude: [exclude] } : {}) });
  const out: FileFinding[] = [];
  for (const m of matches) {
    const score = Math.max(m.containment, m.otherContainment);
    if (score < d.warnAt) continue;
    const longest = m.passages.reduce<(typeof m.passages)[number] | undefined>((a, p) => (!a || p.end - p.start > a.end - a.start ? p : a), undefined);
    const percent = `${Math.round(score * 100)}%`;
    const error = score >= d.blockAt;
    out.push(
      placeFinding(index, {
        ruleId: 'duplicates/near-duplicate',
        severity: error ? 'error' : 'warning',
        message:
          m.containment >= m.otherContainment
            ? `本文 ${percent} 的内容与已发布的 ${m.id} 重复${error ? `（达到 ${Math.round(d.blockAt * 100)}% 阻止线）` : ''}`
            : `本文转载了已发布的 ${m.id} 的 ${percent}${error ? `（达到 ${Math.round(d.blockAt * 100)}% 阻止线）` : ''}`,
        start: source.bodyOffset + (longest?.start ?? 0),
        end: source.bodyOffset + (longest?.end ?? 0),
        source: `govpub 重复检测：与单篇稿件的重复比例达 ${Math.round(d.blockAt * 100)}% 拦截，达 ${Math.round(d.warnAt * 100)}% 提示`,
      }),
    );
  }
  return out;
}
