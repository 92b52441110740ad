import { styleText } from 'node:util';
import type { CliStream } from './io';

/** The text styles the command line uses. */
export type Style = 'red' | 'yellow' | 'blue' | 'green' | 'dim' | 'bold' | 'underline' | 'cyan';

/** Paints text for one stream: plain unless it is a terminal and NO_COLOR is unset (https://no-color.org). */
export function painter(stream: CliStream, env: Record<string, string | undefined>): (style: Style | Style[], text: string) => string {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = !noColor && (forced || stream.isTTY === true);
  // The decision is ours, per stream: styleText would otherwise look at process.stdout only
  // (validateStream, Node ≥ 20.18), wrong for stderr and for tests' streams.
  return enabled ? (style, text) => styleText(style, text, { validateStream: false }) : (_style, text) => text;
}
