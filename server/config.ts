import { z } from 'zod';
import { EXTENSION_NAMES, type ExtensionName } from '../src/api/schemas';
import { LOG_LEVELS, type LogLevel } from './lib/logger';

const PortSchema = z.coerce
  .number({ error: 'must be a number' })
  .int('must be an integer')
  .min(0, 'must be between 0 and 65535')
  .max(65535, 'must be between 0 and 65535');

// API_BASE_URL is written into index.html for the SPA: an absolute http(s) URL or a same-origin path.
const ApiBaseUrlSchema = z
  .string()
  .refine((v) => v.startsWith('/') || /^https?:\/\/[^\s]+$/.test(v), 'must be an http(s) URL or a path starting with /');

// EXTENSIONS: `all` (default), `none` (behave as the vendor's API), or a comma-separated list of names.
const ExtensionsSchema = z
  .string()
  .transform((value, ctx): ExtensionName[] => {
    const v = value.trim();
    if (v === 'all') return [...EXTENSION_NAMES];
    if (v === 'none') return [];
    const names = v.split(',').map((n) => n.trim()).filter(Boolean);
    const unknown = names.filter((n) => !(EXTENSION_NAMES as readonly string[]).includes(n));
    if (unknown.length > 0) {
      ctx.addIssue({ code: 'custom', message: `must be all, none or a list of ${EXTENSION_NAMES.join(', ')} (unknown: ${unknown.join(', ')})` });
      return z.NEVER;
    }
    return names as ExtensionName[];
  });

// TRUST_PROXY: how many reverse proxies in front of the server append to X-Forwarded-For.
// 0 (default): the peer address of the socket is the client; anything in the header is ignored.
const TrustProxySchema = z
  .string()
  .transform((value, ctx): number => {
    const v = value.trim().toLowerCase();
    if (v === 'false' || v === 'no' || v === 'off') return 0;
    if (v === 'true' || v === 'yes' || v === 'on') return 1;
    if (/^\d{1,2}$/.test(v)) return Number(v);
    ctx.addIssue({ code: 'custom', message: 'must be 0 (no proxy), 1 (one proxy; also true) or the number of proxies in front' });
    return z.NEVER;
  });

const EnvSchema = z.object({
  PORT: PortSchema.default(8080),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1, 'must not be empty').default('data/console.sqlite'),
  DEMO: z.string().optional(),
  STATIC_DIR: z.string().min(1, 'must not be empty').default('dist'),
  LOG_LEVEL: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).optional(),
  API_BASE_URL: ApiBaseUrlSchema.optional(),
  TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3600),
  EXTENSIONS: ExtensionsSchema.optional(),
  TRUST_PROXY: TrustProxySchema.optional(),
  NODE_ENV: z.string().optional(),
});

export interface Config {
  port: number;
  host: string;
  databasePath: string;
  demo: boolean;
  staticDir: string;
  logLevel: LogLevel;
  apiBaseUrl: string | undefined;
  tokenTtlSeconds: number;
  /** Extensions of the vendor API this server offers (empty: behaves as the vendor's API). */
  extensions: readonly ExtensionName[];
  /** Reverse proxies in front of the server whose X-Forwarded-For entries are believed (0: none). */
  trustProxy: number;
}

export class ConfigError extends Error {}

export function hasExtension(config: Pick<Config, 'extensions'>, name: ExtensionName): boolean {
  return config.extensions.includes(name);
}

export function defaultLogLevel(nodeEnv: string | undefined): LogLevel {
  return nodeEnv === 'test' ? 'silent' : 'info';
}

/** Reads the environment once at start; a bad value stops the process with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT=) means "not set", as most shells and .env files intend.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = String(i.path[0] ?? '');
      return `  ${key}=${JSON.stringify(env[key] ?? '')}: ${i.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databasePath: e.DATABASE_PATH,
    demo: e.DEMO !== '0',
    staticDir: e.STATIC_DIR,
    logLevel: e.LOG_LEVEL ?? defaultLogLevel(e.NODE_ENV),
    apiBaseUrl: e.API_BASE_URL,
    tokenTtlSeconds: e.TOKEN_TTL_SECONDS,
    extensions: e.EXTENSIONS ?? [...EXTENSION_NAMES],
    trustProxy: e.TRUST_PROXY ?? 0,
  };
}
