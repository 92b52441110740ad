import { GovpubError } from '../errors/index';
import { quoteValue } from '../text/index';

/**
 * Classification levels, lowest first: 公开 public < 内部 internal (工作秘密) < 秘密 secret
 * < 机密 confidential < 绝密 top-secret. The last three are state secrets under the
 * Law on Guarding State Secrets (保守国家秘密法, art. 13); `internal` covers 工作秘密 and
 * 内部 material that is not a state secret but must not be made public.
 */
export const LEVELS = ['public', 'internal', 'secret', 'confidential', 'top-secret'] as const;

/** One of {@link LEVELS}. */
export type Level = (typeof LEVELS)[number];

/** The Chinese name of each level, as written in markings. */
export const LEVEL_NAMES: Readonly<Record<Level, string>> = {
  public: '公开',
  internal: '内部',
  secret: '秘密',
  confidential: '机密',
  'top-secret': '绝密',
};

/** True when `value` is one of {@link LEVELS}. */
export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

/** Throws `VALIDATION` unless `value` is a level; returns it typed. */
export function assertLevel(value: unknown, path: (string | number)[] = ['level']): Level {
  if (isLevel(value)) return value;
  throw new GovpubError('VALIDATION', `Unknown classification level ${quoteValue(value)}; expected one of ${LEVELS.join(', ')}`, {
    details: { issues: [{ path, message: `expected one of ${LEVELS.join(', ')}` }] },
  });
}

/**
 * Compares two levels: negative when `a` is lower, 0 when equal, positive when higher.
 * Throws `VALIDATION` on an unknown level.
 *
 * @example
 * ```ts
 * compareLevels('secret', 'public') > 0 // true
 * ```
 */
export function compareLevels(a: Level, b: Level): number {
  return LEVELS.indexOf(assertLevel(a, ['a'])) - LEVELS.indexOf(assertLevel(b, ['b']));
}

/** The higher of the given levels (`public` for none). */
export function maxLevel(...levels: Level[]): Level {
  let best: Level = 'public';
  for (const l of levels) if (compareLevels(l, best) > 0) best = l;
  return best;
}
