import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('starts with no configuration at all', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      PORT: 8000,
      HOST: '0.0.0.0',
      DATA_DIR: resolve('.data'),
      PUBLIC_URL: 'http://localhost:8000',
      APP_URL: 'http://localhost:8000',
      ACCESS_TTL: 6 * 3600,
      REFRESH_TTL: 7 * 24 * 3600,
      CORS_ORIGINS: [],
      TRUST_PROXY: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads a relative data folder from where the command was typed', () => {
    const config = loadConfig({ DATA_DIR: './store', INIT_CWD: '/srv/career-nexus' });

    expect(config.DATA_DIR).toBe('/srv/career-nexus/store');
  });

  it('names the variable that holds a wrong value', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid configuration:\n\s+PORT: /);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: /);
    expect(() => loadConfig({ ACCESS_TTL: '-5' })).toThrow(/ACCESS_TTL: /);
  });

  it('names every wrong variable at once', () => {
    const attempt = () =>
      loadConfig({ PORT: '70000', S3_FORCE_PATH_STYLE: 'maybe', LOG_LEVEL: 'loud' });

    expect(attempt).toThrow(/PORT: [\s\S]*S3_FORCE_PATH_STYLE: [\s\S]*LOG_LEVEL: /);
  });

  it('wants a password beside a staff email', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'boss@example.com' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('treats an empty value as unset', () => {
    const config = loadConfig({ DATABASE_URL: '', PORT: '' });

    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.PORT).toBe(8000);
  });

  it('reads lists, flags and proxy hop counts', () => {
    const config = loadConfig({
      CORS_ORIGINS: 'https://app.example.com/, https://admin.example.com',
      S3_FORCE_PATH_STYLE: 'true',
      TRUST_PROXY: '2',
      PUBLIC_URL: 'https://api.example.com/',
    });

    expect(config.CORS_ORIGINS).toEqual(['https://app.example.com', 'https://admin.example.com']);
    expect(config.S3_FORCE_PATH_STYLE).toBe(true);
    expect(typeof config.TRUST_PROXY).toBe('function');
    expect(config.PUBLIC_URL).toBe('https://api.example.com');
  });
});
