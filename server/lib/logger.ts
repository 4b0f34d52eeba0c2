export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  debug(message: string): void;
}

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: anything that could end
// a line, move the cursor or start a terminal escape sequence.
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_LOG = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * Makes a value safe to put in a log line: control characters become `\xNN` (or `\uNNNN`), and a
 * backslash becomes `\\`, so one value is always one line and no escaped form can be faked.
 */
export function escapeForLog(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(UNSAFE_IN_LOG, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Plain stdout/stderr lines; callers are responsible for never passing secrets. */
export function createLogger(level: LogLevel): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const enabled = (l: LogLevel) => rank >= LOG_LEVELS.indexOf(l) && level !== 'silent';
  // Messages are escaped here as well as by their callers: a line that reaches the terminal never
  // carries a raw control character, whoever built it.
  const line = (message: string) => `${new Date().toISOString()} ${message.replace(UNSAFE_IN_LOG, (ch) => escapeForLog(ch))}\n`;
  return {
    info: (message) => {
      if (enabled('info')) process.stdout.write(line(message));
    },
    debug: (message) => {
      if (enabled('debug')) process.stdout.write(line(message));
    },
    error: (message, error) => {
      if (!enabled('error')) return;
      // A stack keeps its lines, each escaped and indented, so none can pass for a log line.
      const detail =
        error instanceof Error
          ? (error.stack ?? error.message)
              .split('\n')
              .map((l) => `\n    ${escapeForLog(l)}`)
              .join('')
          : '';
      process.stderr.write(`${line(`ERROR ${message}`).slice(0, -1)}${detail}\n`);
    },
  };
}
