/**
 * The `govpub` executable (dist/cli.js): runs {@link runCli} on the process's arguments and
 * streams. Unexpected failures print their stack and exit 3, apart from usage errors (2).
 */
import { runCli } from './main';

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`govpub: unexpected failure / 意外错误\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 3;
  },
);
