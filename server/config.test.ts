import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databasePath: 'data/console.sqlite',
      demo: true,
      staticDir: 'dist',
      logLevel: 'info',
      apiBaseUrl: undefined,
      tokenTtlSeconds: 3600,
      extensions: ['org_credentials', 'service_account_query', 'usage', 'audit_events'],
      trustProxy: 0,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).logLevel).toBe('silent');
  });

  it('reads overrides; only DEMO=0 turns demo mode off', () => {
    const config = loadConfig({ PORT: '9000', DEMO: '0', DATABASE_PATH: '/tmp/x.sqlite', API_BASE_URL: 'https://api.example.com' });
    expect(config).toMatchObject({ port: 9000, demo: false, databasePath: '/tmp/x.sqlite', apiBaseUrl: 'https://api.example.com' });
    expect(loadConfig({ DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ PORT: '' }).port).toBe(8080);
  });

  it('names each bad variable in one clear error', () => {
    const attempt = () => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', API_BASE_URL: 'ftp://x' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/PORT="eighty"/);
    expect(attempt).toThrow(/LOG_LEVEL="loud": must be one of silent, error, info, debug/);
    expect(attempt).toThrow(/API_BASE_URL="ftp:\/\/x"/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/between 0 and 65535/);
  });

  it('reads EXTENSIONS as all, none or a list, and rejects unknown names', () => {
    expect(loadConfig({ EXTENSIONS: 'none' }).extensions).toEqual([]);
    expect(loadConfig({ EXTENSIONS: 'all' }).extensions).toHaveLength(4);
    expect(loadConfig({ EXTENSIONS: 'usage, audit_events' }).extensions).toEqual(['usage', 'audit_events']);
    expect(() => loadConfig({ EXTENSIONS: 'usage,telepathy' })).toThrow(/EXTENSIONS="usage,telepathy".*unknown: telepathy/);
  });

  it('reads TRUST_PROXY as a number of proxies (true means one), and rejects anything else', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(0);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.1' })).toThrow(/TRUST_PROXY="10.0.0.1": must be 0/);
  });
});
