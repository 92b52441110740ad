import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io';

/** `util.parseArgs` in strict mode, with its errors turned into {@link UsageError}s. */
export function parseCommandArgs<O extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
