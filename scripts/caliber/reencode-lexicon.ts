/**
 * Rewrites src/caliber/lexicon/word-table.ts (compact word list) and
 * src/caliber/roster/readings-table.ts from the tables already in word-table.ts, for when the
 * jieba dictionary that generate-lexicon.ts reads is not at hand (an encoding change, not a
 * data change). Run: `npx tsx scripts/caliber/reencode-lexicon.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as tables from '../../src/caliber/lexicon/word-table';
import { decodeWordList } from '../../src/caliber/word-list';
import { rosterReadingsModule } from './roster-readings';
import { wordTableModule } from './word-list-encoding';

const file = new URL('../../src/caliber/lexicon/word-table.ts', import.meta.url);
// Either form of the module: the plain string of earlier versions, or the compact one.
const current = tables as unknown as { WORD_TABLE?: string; WORD_CHARS?: string; WORD_LIST?: string; HOMOPHONE_TABLE: string };
const plain = current.WORD_LIST !== undefined ? decodeWordList(current.WORD_CHARS!, current.WORD_LIST) : current.WORD_TABLE!;
// Keep the source comment (lines 2 to the first blank line).
const about = readFileSync(file, 'utf8').split('\n').slice(1).filter((line, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('//'))).join('\n');
const out = wordTableModule(plain, current.HOMOPHONE_TABLE, about);
writeFileSync(file, out);
writeFileSync(new URL('../../src/caliber/roster/readings-table.ts', import.meta.url), rosterReadingsModule(current.HOMOPHONE_TABLE));
console.log(`wrote word-table.ts (${(out.length / 1024).toFixed(0)} K characters) and readings-table.ts`);
