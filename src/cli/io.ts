/** Where the command line reads and writes; the bin passes the process's, tests their own. */
export interface CliStream {
  write(chunk: string): unknown;
  /** True on a terminal: colours and the progress bar are only drawn there. */
  isTTY?: boolean;
  /** Terminal width, when known. */
  columns?: number;
}

/** The process around one run of the command line. */
export interface CliIo {
  stdout: CliStream;
  stderr: CliStream;
  env: Record<string, string | undefined>;
  /** Relative paths are resolved against this and reported relative to it. */
  cwd: string;
}

/** A usage mistake (unknown option, missing file, bad JSON): exit code 2, message on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}
