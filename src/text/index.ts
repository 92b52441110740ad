export { normalizeText, normalizeUnits, toOriginalSpan } from './normalize';
export type { NormalizeOptions, NormalizedText, NormalizedUnits } from './normalize';
export { foldTraditional, foldTraditionalCode } from './traditional';
export { countGraphemes, countOne, graphemes } from './graphemes';
export type { Measure } from './graphemes';
export { truncate } from './truncate';
export type { TruncateOptions } from './truncate';
export { visibleText } from './visible';
export type { VisibleText, VisibleTextOptions } from './visible';
