// zod/mini: see markings.ts (the page that checks wording stays small).
import * as z from 'zod/mini';
import { parseOrThrow } from '../errors/index';
import { maxLevel, type Level } from './levels';
import { findMarkings } from './markings';

/**
 * The level `texts` require: the highest level of any classification or internal marking
 * in them (head marks, section marks, `★` forms, internal phrases), `public` when there is
 * none. Personal data does not raise it: it is handled by redaction and by the gate's
 * public-channel rule, so that one waiver or one redaction settles one problem.
 *
 * @example
 * ```ts
 * requiredLevel('关于……的通知\n\n【秘密】第三段……'); // 'secret'
 * requiredLevel('标题', '内部资料，注意保存\n正文'); // 'internal'
 * ```
 */
export function requiredLevel(...texts: string[]): Level {
  parseOrThrow(z.array(z.string()), texts, 'requiredLevel texts');
  return maxLevel(...texts.flatMap((t) => findMarkings(t).map((m) => m.level)));
}
