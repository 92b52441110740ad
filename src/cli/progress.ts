import type { CliStream } from './io';

/**
 * A one-line progress bar redrawn in place, only on a terminal: in CI logs and pipes it
 * would be noise (and carriage returns garble them).
 */
export function progressBar(stream: CliStream, label: string, total: number): { tick(done: number): void; done(): void } {
  if (!stream.isTTY || total === 0) return { tick() {}, done() {} };
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 20));
  let lastDrawn = -1;
  const draw = (done: number) => {
    const filled = Math.round((done / total) * width);
    if (filled === lastDrawn && done !== total) return;
    lastDrawn = filled;
    stream.write(`\r${label} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total}`);
  };
  draw(0);
  return {
    tick: draw,
    done() {
      draw(total);
      stream.write('\n');
    },
  };
}
