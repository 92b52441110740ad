/**
 * The `govpub` command line: {@link runCli} (the bin calls it with the process's streams).
 *
 * @packageDocumentation
 */
export { runCli } from './main';
export type { CliIo, CliStream } from './io';
