/**
 * Rewrites src/caliber/roster/readings-table.ts from the homophone groups already in
 * src/caliber/lexicon/word-table.ts, for when the jieba dictionary that generate-lexicon.ts
 * reads is not at hand. Run: `npx tsx scripts/caliber/write-roster-readings.ts`
 */
import { writeFileSync } from 'node:fs';
import { HOMOPHONE_TABLE } from '../../src/caliber/lexicon/word-table';
import { rosterReadingsModule } from './roster-readings';

const out = rosterReadingsModule(HOMOPHONE_TABLE);
writeFileSync(new URL('../../src/caliber/roster/readings-table.ts', import.meta.url), out);
console.log(`wrote ${(out.length / 1024).toFixed(1)} K characters`);
