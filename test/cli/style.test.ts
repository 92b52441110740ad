import { describe, expect, it } from 'vitest';
import { painter } from '../../src/cli/style';

const tty = { write: () => true, isTTY: true };
const pipe = { write: () => true, isTTY: false };

describe('painter', () => {
  it('colours on a terminal only', () => {
    expect(painter(tty, {})('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(painter(pipe, {})('red', 'x')).toBe('x');
  });

  it('respects NO_COLOR (any non-empty value) and FORCE_COLOR', () => {
    expect(painter(tty, { NO_COLOR: '1' })('red', 'x')).toBe('x');
    expect(painter(tty, { NO_COLOR: '' })('red', 'x')).toBe('\u001b[31mx\u001b[39m');
    expect(painter(pipe, { FORCE_COLOR: '1' })('bold', 'x')).toBe('\u001b[1mx\u001b[22m');
    expect(painter(pipe, { FORCE_COLOR: '0' })('bold', 'x')).toBe('x');
  });
});
