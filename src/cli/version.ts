import { readFileSync } from 'node:fs';

/** govpub's version from its package.json (for SARIF and `--version`); `0.0.0` if unreadable. */
export function govpubVersion(): string {
  // From dist/cli.js the package.json is one folder up; from src/cli/*.ts, two.
  for (const relative of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'govpub' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}
