import { config, safeParse, type core } from 'zod/mini';
import { en } from 'zod/locales';

/**
 * `safeParse` with zod's English messages in place, whichever zod API built the schema (the
 * classic `zod` or `zod/mini`). The classic API registers English as the default locale the
 * first time it builds a schema; zod/mini (used where a browser page must stay small: the
 * caliber and confidentiality checks) does not, and without a locale every issue reads
 * "Invalid input". Setting the same default the same way (only when no locale is configured)
 * keeps the messages identical to the classic API's, and a host's own
 * `z.config(z.locales.xx())` still wins, as it always did.
 */
export function safeParseWithMessages<S extends core.$ZodType>(schema: S, value: unknown): core.util.SafeParseResult<core.output<S>> {
  if (!config().localeError) config(en());
  return safeParse(schema, value);
}
