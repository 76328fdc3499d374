import path from 'node:path';
import { loadConfig, parseDatabaseUrl } from '../../src/config';

describe('configuration', () => {
  it('defaults to the embedded SQLite file under ./data', () => {
    expect(parseDatabaseUrl(undefined, '/srv/cg')).toEqual({ kind: 'sqlite', file: path.resolve('/srv/cg/data/community-graph.sqlite') });
  });

  it('accepts sqlite:///absolute/path and postgres:// URLs', () => {
    expect(parseDatabaseUrl('sqlite:///var/lib/cg.sqlite')).toEqual({ kind: 'sqlite', file: '/var/lib/cg.sqlite' });
    expect(parseDatabaseUrl('postgres://u@db:5432/cg')).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/cg' });
    expect(parseDatabaseUrl('postgresql://u@db/cg')).toEqual({ kind: 'postgres', url: 'postgresql://u@db/cg' });
  });

  it('rejects relative SQLite paths and unknown schemes with the variable and value', () => {
    expect(() => parseDatabaseUrl('sqlite://data.sqlite')).toThrow('Invalid DATABASE_URL="sqlite://data.sqlite"');
    expect(() => parseDatabaseUrl('mysql://x')).toThrow('Invalid DATABASE_URL="mysql://x": expected unset, sqlite:///absolute/path.sqlite or postgres://...');
  });

  it('reads PORT, HOST and DEMO, and rejects nonsense', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DEMO: 'off' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', demo: false, introspection: true });
    expect(loadConfig({}).port).toBe(4000);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow('Invalid PORT="eighty": expected an integer 0-65535');
    expect(() => loadConfig({ DEMO: 'maybe' })).toThrow('Invalid DEMO="maybe": expected on or off');
  });

  it('turns introspection off by default in production', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', INTROSPECTION: 'on' }).introspection).toBe(true);
  });
});
