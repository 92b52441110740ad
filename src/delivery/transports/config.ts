import type * as z from 'zod';
import { validationError, toValidationIssues } from '../../errors/index';

/**
 * Validates a transport's configuration at startup: `VALIDATION` naming the transport, the
 * account (when `accountId` is given) and each field. Values are never echoed, so a
 * misplaced secret does not end up in a log.
 */
export function parseTransportConfig<S extends z.ZodType>(schema: S, config: unknown, transport: string): z.output<S> {
  const result = schema.safeParse(config);
  if (result.success) return result.data;
  const accountId = typeof (config as { accountId?: unknown })?.accountId === 'string' ? (config as { accountId: string }).accountId : undefined;
  const what = `${transport} transport config${accountId ? ` of account "${accountId}"` : ''}`;
  throw validationError(
    what,
    toValidationIssues(result.error.issues),
  );
}
