export const LOG_LEVELS = ['silent', 'error', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  debug(message: string): void;
}

/** Plain stdout/stderr lines; callers are responsible for never passing secrets. */
export function createLogger(level: LogLevel): Logger {
  const rank = LOG_LEVELS.indexOf(level);
  const enabled = (l: LogLevel) => rank >= LOG_LEVELS.indexOf(l) && level !== 'silent';
  return {
    info: (message) => {
      if (enabled('info')) process.stdout.write(`${new Date().toISOString()} ${message}\n`);
    },
    debug: (message) => {
      if (enabled('debug')) process.stdout.write(`${new Date().toISOString()} ${message}\n`);
    },
    error: (message, error) => {
      if (!enabled('error')) return;
      const detail = error instanceof Error ? `\n${error.stack ?? error.message}` : '';
      process.stderr.write(`${new Date().toISOString()} ERROR ${message}${detail}\n`);
    },
  };
}
