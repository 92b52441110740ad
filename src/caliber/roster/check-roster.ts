import type { FindingInput } from '../../findings/index';
import { isSkipped, type SkipRanges } from '../skip-ranges';
import type { CompiledLeader, CompiledRoster } from './compiled-types';
import { homophones, nearHomophones } from './homophones';
import { titleAfter, titleBefore, titleMatches, titlesBefore, type TitleMention } from './titles';

import { ROSTER_RULE_IDS } from './rule-ids';

interface Mention {
  leader: CompiledLeader;
  start: number;
  end: number;
  source: string;
}

const HAN = /^\p{sc=Han}+$/u;
// What may join two names of one list: 、 and the conjunctions (副县长甲、乙和丙).
const LIST_JOINER = /^(?:、|，|,|和|及|与|以及)$/;
const LIST_GAP = /^(?:、|，|,|和|及|与|以及)(?:\p{sc=Han}{1,12}、)*\p{sc=Han}{0,12}$/u;

/**
 * The roster checks on one text: a title that is not the leader's (compared whole, so
 * 常务副县长 is not 副县长), a name one homophone or — next to the leader's title — one
 * character away from a roster name, a leader's first mention without a title (a name in a
 * list that shares a title, 副县长甲、乙、丙, has one), and names listed against the order of
 * precedence. Every fix rests on a judgement and is marked unsafe.
 */
export function rosterFindings(text: string, rosters: readonly CompiledRoster[], skip: SkipRanges): FindingInput[] {
  const out: FindingInput[] = [];
  const leaders: { leader: CompiledLeader; rank: number; roster: CompiledRoster }[] = [];
  let offset = 0;
  for (const roster of rosters) {
    for (const leader of roster.leaders) leaders.push({ leader, rank: offset + leader.rank, roster });
    offset += roster.leaders.length;
  }
  if (!leaders.length) return out;
  const cores = [...new Set(rosters.flatMap((r) => r.cores))];
  const orgs = [...new Set(rosters.flatMap((r) => r.orgs))];
  const sourceOf = new Map(leaders.map((l) => [l.leader, `领导名册“${l.roster.id}”`]));
  const rankOf = new Map(leaders.map((l) => [l.leader, l.rank]));

  const mentions = exactMentions(text, leaders.map((l) => l.leader), skip, sourceOf);
  for (const f of nameVariants(text, leaders.map((l) => l.leader), mentions, cores, orgs, skip, sourceOf)) out.push(f);

  const titled = new Set<CompiledLeader>();
  const seen = new Set<CompiledLeader>();
  // The titles a list shares: those written before its first name (副县长甲、乙、丙).
  let listTitles: TitleMention[] = [];
  let previous: Mention | undefined;
  for (const m of mentions) {
    const first = !seen.has(m.leader);
    seen.add(m.leader);
    const { titles: before, collective } = titlesBefore(text, m.start, cores, orgs);
    const after = titleAfter(text, m.end, cores);
    const own = after ? [...before, after] : before;
    const inList = previous !== undefined && joinsList(text, previous, m, cores, orgs);
    if (!inList) listTitles = before;
    else if (before.length) listTitles = before;
    previous = m;
    for (const t of own) {
      titled.add(m.leader);
      if (!titleMatches(t, m.leader.parsedTitles)) out.push(wrongTitle(text, m, t));
    }
    if (own.length || collective) {
      titled.add(m.leader);
      continue;
    }
    if (inList) {
      titled.add(m.leader);
      // A list member shares the list's title; one who does not hold it is misplaced there.
      const shared = listTitles.find((t) => !titleMatches(t, m.leader.parsedTitles));
      if (shared) {
        out.push({
          ruleId: ROSTER_RULE_IDS.wrongTitle,
          severity: 'error',
          message: `“${text.slice(m.start, m.end)}”列在“${text.slice(shared.start, shared.end)}”之下，但其职务是“${m.leader.titles.join('、')}”`,
          start: m.start,
          end: m.end,
          suggestions: [m.leader.titles.join('、') + m.leader.name],
          source: m.source,
        });
      }
      continue;
    }
    if (first && !titled.has(m.leader)) {
      const full = m.leader.titles.join('、') + m.leader.name;
      out.push({
        ruleId: ROSTER_RULE_IDS.missingTitle,
        severity: 'warning',
        message: `“${text.slice(m.start, m.end)}”首次出现时应写明职务“${m.leader.titles.join('、')}”`,
        start: m.start,
        end: m.end,
        suggestions: [full],
        fix: { start: m.start, end: m.end, text: full, safe: false },
        source: m.source,
      });
    }
  }
  for (const f of orderFindings(text, mentions, cores, orgs, rankOf)) out.push(f);
  return out;
}

// Every occurrence of a name or alias; at one start the longest form wins.
function exactMentions(text: string, leaders: readonly CompiledLeader[], skip: SkipRanges, sourceOf: Map<CompiledLeader, string>): Mention[] {
  const all: Mention[] = [];
  for (const leader of leaders) {
    for (const form of leader.forms) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + 1)) {
        if (!isSkipped(skip, i, i + form.length)) all.push({ leader, start: i, end: i + form.length, source: sourceOf.get(leader)! });
      }
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mention[] = [];
  for (const m of all) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) continue;
    kept.push(m);
  }
  return kept;
}

function wrongTitle(text: string, m: Mention, t: TitleMention): FindingInput {
  const written = text.slice(t.start, t.end);
  const sameCore = m.leader.titles.find((title) => title.endsWith(t.core));
  const expected = sameCore ?? m.leader.titles[0]!;
  return {
    ruleId: ROSTER_RULE_IDS.wrongTitle,
    severity: 'error',
    message: `“${text.slice(m.start, m.end)}”的职务是“${m.leader.titles.join('、')}”，此处写作“${written}”`,
    start: t.start,
    end: t.end,
    suggestions: m.leader.titles.filter((x) => x !== written),
    fix: { start: t.start, end: t.end, text: expected, safe: false },
    source: m.source,
  };
}

/**
 * Names one character off a roster name. A homophone (王健华 for 王建华) is reported wherever it
 * stands when the name has three characters or more; a two-character name, or a character that
 * is not a homophone, only next to a title, where it can only mean a leader.
 */
function nameVariants(
  text: string,
  leaders: readonly CompiledLeader[],
  mentions: readonly Mention[],
  cores: readonly string[],
  orgs: readonly string[],
  skip: SkipRanges,
  sourceOf: Map<CompiledLeader, string>,
): FindingInput[] {
  const taken = (s: number, e: number) => mentions.some((m) => m.start < e && s < m.end);
  const found = new Map<number, { end: number; candidates: { leader: CompiledLeader; homophone: boolean; titleFits: boolean }[] }>();
  const consider = (leader: CompiledLeader, name: string, s: number) => {
    const e = s + name.length;
    if (e > text.length || taken(s, e) || isSkipped(skip, s, e)) return;
    const window = text.slice(s, e);
    if (window === name || !HAN.test(window)) return;
    const diffs: number[] = [];
    for (let k = 0; k < name.length; k++) if (window[k] !== name[k]) diffs.push(k);
    // Sounding the same with at least one character in common (王建明 for 王健民), or one
    // character off.
    if (!diffs.length || diffs.length === name.length) return;
    const before = titleBefore(text, s, cores, orgs);
    const after = titleAfter(text, e, cores);
    const titled = Boolean(before || after);
    const titleFits = [before, after].some((t) => t && titleMatches(t, leader.parsedTitles));
    // Next to the leader's own title, a near homophone (王建明 for 王健民) is as telling.
    const sounds = titleFits ? nearHomophones : homophones;
    const homophone = diffs.every((k) => sounds(window[k]!, name[k]!));
    if (!homophone && diffs.length > 1) return;
    const accept = homophone ? name.length >= 3 || titled : titleFits && diffs[0]! > 0;
    if (!accept) return;
    const entry = found.get(s) ?? { end: e, candidates: [] };
    entry.candidates.push({ leader, homophone, titleFits });
    found.set(s, entry);
  };
  for (const leader of leaders) {
    for (const name of leader.forms) {
      if (name.length < 2) continue;
      for (let i = text.indexOf(name[0]!); i >= 0; i = text.indexOf(name[0]!, i + 1)) consider(leader, name, i);
      if (name.length >= 3) {
        const given = name.slice(1);
        for (let i = text.indexOf(given, 1); i >= 0; i = text.indexOf(given, i + 1)) consider(leader, name, i - 1);
      }
    }
  }
  const out: FindingInput[] = [];
  for (const [start, { end, candidates }] of found) {
    // The likeliest first: a homophone whose title fits, then a homophone, then a fitting title.
    candidates.sort((a, b) => Number(b.homophone) * 2 + Number(b.titleFits) - (Number(a.homophone) * 2 + Number(a.titleFits)));
    const names = [...new Set(candidates.map((c) => c.leader.name))];
    const best = candidates[0]!.leader;
    out.push({
      ruleId: ROSTER_RULE_IDS.nameVariant,
      severity: 'error',
      message: `“${text.slice(start, end)}”疑为“${best.name}”（${best.titles.join('、')}）之误`,
      start,
      end,
      suggestions: names,
      fix: { start, end, text: best.name, safe: false },
      source: sourceOf.get(best)!,
    });
  }
  return out;
}

/** Names of one list (joined by 、 or a conjunction, each with or without its title) out of rank. */
function orderFindings(text: string, mentions: readonly Mention[], cores: readonly string[], orgs: readonly string[], rankOf: Map<CompiledLeader, number>): FindingInput[] {
  const out: FindingInput[] = [];
  let chain: Mention[] = [];
  const flush = () => {
    const ranks = chain.map((m) => rankOf.get(m.leader)!);
    if (new Set(chain.map((m) => m.leader)).size === chain.length && ranks.some((r, k) => k > 0 && r < ranks[k - 1]!)) {
      const sorted = [...chain].sort((a, b) => rankOf.get(a.leader)! - rankOf.get(b.leader)!);
      const first = chain[0]!;
      const last = chain[chain.length - 1]!;
      out.push({
        ruleId: ROSTER_RULE_IDS.order,
        severity: 'warning',
        message: `领导同志应按排名顺序列出：${sorted.map((m) => m.leader.name).join('、')}`,
        start: first.start,
        end: last.end,
        suggestions: [sorted.map((m) => m.leader.name).join('、')],
        source: first.source,
      });
    }
    chain = [];
  };
  for (const m of mentions) {
    const prev = chain[chain.length - 1];
    if (prev && !joinsList(text, prev, m, cores, orgs)) flush();
    chain.push(m);
  }
  flush();
  return out;
}

function joinsList(text: string, prev: Mention, next: Mention, cores: readonly string[], orgs: readonly string[]): boolean {
  let from = prev.end;
  const after = titleAfter(text, from, cores);
  if (after && after.end <= next.start) from = after.end;
  let to = next.start;
  const before = titleBefore(text, to, cores, orgs);
  if (before && before.start >= from) to = before.start;
  // A joiner, then at most the rest of the next name's titles (、县委常委、 before 副县长).
  return LIST_GAP.test(text.slice(from, to));
}
