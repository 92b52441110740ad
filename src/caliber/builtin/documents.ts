import { parseChineseNumeral } from '../numbers';
import type { BuiltinCheck, BuiltinHit } from './context';
import { matchesOutsideSkip, replaceMatch } from './context';

const SPACE = '[ \\t\\u3000]*';
// Stars people type instead of ★ (GB/T 9704-2012 7.2.2 writes 秘密★1年).
const STAR = '[★☆*＊✩✭⭐]';

/** Built-in checks on official-document elements (GB/T 9704-2012). */
export const DOCUMENT_CHECKS = {
  'classification-marking-format': {
    description: 'Reports a classification marking with its period not written as 密级★N年 (机密*一年 → 机密★1年).',
    run(context) {
      const re = new RegExp(`(绝密|机密|秘密)${SPACE}${STAR}${SPACE}([0-9０-９]+|[一二两三四五六七八九十]+)${SPACE}(年|个月)`, 'gu');
      const hits: BuiltinHit[] = [];
      for (const m of matchesOutsideSkip(context, re)) {
        const digits = m[2]!.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
        const period = /^[0-9]+$/.test(digits) ? Number(digits) : parseChineseNumeral(digits);
        if (period === undefined) continue;
        const canonical = `${m[1]}★${period}${m[3]}`;
        if (canonical !== m[0]) hits.push(replaceMatch(m, canonical, `密级和保密期限应写作“${canonical}”`));
      }
      return hits;
    },
  },
} satisfies Record<string, BuiltinCheck>;
