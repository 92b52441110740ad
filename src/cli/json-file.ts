import { readFile } from 'node:fs/promises';
import { UsageError } from './io';

/** Reads a JSON option file (`--rules`, `--roster`, `--facts`); any failure is a usage error naming the option. */
export async function readJsonFile(path: string, option: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`${option} ${path}: cannot read the file / 无法读取文件 (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (e) {
    throw new UsageError(`${option} ${path}: not valid JSON / 不是有效的 JSON (${(e as Error).message})`);
  }
}
