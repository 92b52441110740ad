import { isGovpubError } from '../errors/index';
import { checkCommand } from './commands/check';
import { fixCommand } from './commands/fix';
import { migrateCommand } from './commands/migrate';
import { previewCommand } from './commands/preview';
import { MAIN_HELP } from './help';
import { UsageError, type CliIo } from './io';
import { govpubVersion } from './version';

const COMMANDS: Record<string, (args: string[], io: CliIo) => Promise<number>> = {
  check: checkCommand,
  fix: fixCommand,
  preview: previewCommand,
  migrate: migrateCommand,
};

/**
 * Runs the `govpub` command line on `argv` (without `node` and the script) and returns the
 * exit code: 0 ok, 1 error findings, 2 usage errors. Never calls `process.exit`.
 *
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(MAIN_HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${govpubVersion()}\n`);
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) {
    io.stderr.write(`govpub: unknown command "${command}" / 未知命令\n\n${MAIN_HELP}`);
    return 2;
  }
  try {
    return await run([...rest], io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`govpub ${command}: ${e.message}\n`);
      return 2;
    }
    if (isGovpubError(e) && e.code === 'VALIDATION') {
      io.stderr.write(`govpub ${command}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
