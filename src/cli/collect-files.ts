import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { UsageError } from './io';
import { sourceKind } from './source-file';

/** A file to read: its absolute path and the path to show (relative to the working folder). */
export interface InputFile {
  absolute: string;
  shown: string;
}

// Folders no one keeps drafts in, skipped when walking.
const SKIP = new Set(['node_modules', '.git', 'dist']);

/**
 * Expands the arguments into files: a file is taken as given (its type is checked when read);
 * a folder contributes every .md, .txt and .docx under it, sorted, skipping hidden folders,
 * node_modules and dist, and Word's `~$` lock files.
 */
export async function collectFiles(args: readonly string[], cwd: string): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const arg of args) {
    const absolute = resolve(cwd, arg);
    let info;
    try {
      info = await stat(absolute);
    } catch {
      throw new UsageError(`${arg}: no such file or folder / 文件或文件夹不存在`);
    }
    if (info.isDirectory()) {
      for (const file of await walk(absolute)) out.push({ absolute: file, shown: relative(cwd, file) || file });
    } else {
      out.push({ absolute, shown: relative(cwd, absolute) || arg });
    }
  }
  return out;
}

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || SKIP.has(entry.name)) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(path)));
    else if (entry.isFile() && sourceKind(entry.name) && !entry.name.startsWith('~$')) files.push(path);
  }
  return files;
}
