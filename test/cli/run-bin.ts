/**
 * Runs the `govpub` bin as a subprocess: the built dist/cli.js when it exists (what users
 * run), else the source through tsx.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILT = `${ROOT}dist/cli.js`;

export const usingBuilt = existsSync(BUILT) && process.env.GOVPUB_CLI_FROM_SOURCE === undefined;

export interface BinResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `govpub …args` in `cwd` with a plain (non-TTY) environment and NO_COLOR unset. */
export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<BinResult> {
  // tsx by absolute URL: the subprocess may run in a temporary folder with no node_modules.
  const tsx = pathToFileURL(`${ROOT}node_modules/tsx/dist/loader.mjs`).href;
  const argv = usingBuilt ? [BUILT, ...args] : ['--import', tsx, `${ROOT}src/cli/bin.ts`, ...args];
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'NO_COLOR' && k !== 'FORCE_COLOR') env[k] = v;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: options.cwd ?? ROOT, env: { ...env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const FIXTURES = `${ROOT}test/cli/fixtures`;
