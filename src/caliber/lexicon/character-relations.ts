import { dictionaryTables } from './dictionaries/eager';
import { shapeNeighbours } from './shape-neighbours';

/**
 * How a written character may stand for an intended one: `homophone` (they share a toned
 * reading: 竟/竞 jìng), `tone` (the same syllable in another tone: 既 jì / 即 jí, 迅 xùn /
 * 汛 xùn … most pinyin input slips are of these two kinds) or `shape` (形近字, from
 * {@link shapeNeighbours}: 峻/竣, 侯/候).
 */
export type CharacterRelation = 'homophone' | 'tone' | 'shape';

interface Readings {
  toned: ReadonlySet<string>;
  toneless: ReadonlySet<string>;
}
let readings: Map<string, Readings> | undefined;
const NO_READINGS: Readings = { toned: new Set(), toneless: new Set() };

// `ji2` → `ji`: the table writes the tone as a trailing digit (0 for the neutral tone).
const toneless = (syllable: string) => syllable.replace(/\d$/, '');

/** The toned (`ji2`) and toneless (`ji`) readings of each character, from the precomputed homophone table (pinyin-pro). */
function readingsOf(c: string): Readings {
  if (!readings) {
    const table = new Map<string, { toned: Set<string>; toneless: Set<string> }>();
    for (const group of dictionaryTables().HOMOPHONE_TABLE.split('|')) {
      const colon = group.indexOf(':');
      const syllable = group.slice(0, colon);
      for (const ch of group.slice(colon + 1)) {
        let r = table.get(ch);
        if (!r) table.set(ch, (r = { toned: new Set(), toneless: new Set() }));
        r.toned.add(syllable);
        r.toneless.add(toneless(syllable));
      }
    }
    readings = table;
  }
  return readings.get(c) ?? NO_READINGS;
}

const shares = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  for (const x of a) if (b.has(x)) return true;
  return false;
};

/** The closest relation between `written` and `intended`, or undefined when there is none. */
export function characterRelation(written: string, intended: string): CharacterRelation | undefined {
  if (written === intended) return undefined;
  const a = readingsOf(written);
  const b = readingsOf(intended);
  if (shares(a.toned, b.toned)) return 'homophone';
  if (shares(a.toneless, b.toneless)) return 'tone';
  if (shapeNeighbours(written).includes(intended)) return 'shape';
  return undefined;
}
