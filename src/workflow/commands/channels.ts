import { BUILT_IN_CHANNELS, resolveChannel } from '../../channels/index';
import { validationError } from '../../errors/index';
import type { GateChannel } from '../gates/gate';
import type { CommandContext } from './context';

/** The document's channel ids resolved to what gates need: id and clearance. */
export function resolveChannels(ctx: CommandContext, ids: readonly string[]): GateChannel[] {
  return ids.map((id) => {
    const def = resolveChannel(id, ctx.customChannels);
    return { id: def.id, clearance: def.clearance };
  });
}

/** Throws `VALIDATION` naming each unknown channel id by its index in the input. */
export function assertKnownChannels(ctx: CommandContext, ids: readonly string[]): void {
  const known = [...Object.keys(BUILT_IN_CHANNELS), ...ctx.customChannels.map((c) => c.id)];
  const issues = ids.flatMap((id, i) =>
    known.includes(id) ? [] : [{ path: ['channels', i], message: `unknown channel ${JSON.stringify(id)}; known: ${known.join(', ')}` }],
  );
  if (issues.length) throw validationError('channels', issues);
}
