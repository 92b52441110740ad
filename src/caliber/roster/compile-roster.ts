import { rosterFindings } from './check-roster';
import type { CompiledLeader, CompiledRoster } from './compiled-types';
import { readingsOf } from './homophones';
import { COMMON_ORGS, CORE_TITLES, parseTitle, type ParsedTitle } from './titles';
import type { Roster } from './types';

export type { CompiledLeader, CompiledRoster } from './compiled-types';

/**
 * Compiles a validated roster: titles parsed into organisation, modifier and core, and the
 * readings of every character of every name looked up now (so the first check does not pay
 * for them).
 */
export function compileRoster(roster: Roster): CompiledRoster {
  const cores = new Set(CORE_TITLES);
  const leaders = roster.leaders.map((leader, rank) => {
    for (const title of leader.titles) cores.add(parseTitle(title).core);
    const forms = [leader.name, ...(leader.aliases ?? [])];
    for (const form of forms) for (const ch of form) readingsOf(ch);
    return { name: leader.name, forms, titles: leader.titles, parsedTitles: [] as ParsedTitle[], rank };
  });
  const coreList = [...cores];
  for (const [i, leader] of leaders.entries()) leader.parsedTitles = roster.leaders[i]!.titles.map((t) => parseTitle(t, coreList));
  const orgs = new Set(COMMON_ORGS);
  for (const leader of leaders) for (const t of leader.parsedTitles) if (t.org) orgs.add(t.org);
  return { id: roster.id, leaders, cores: coreList, orgs: [...orgs], check: rosterFindings };
}
