import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config/load.ts';

const minimal = {
  ODOO_URL: 'https://acme.odoo.com',
  ODOO_DB: 'acme',
  ODOO_LOGIN: 'crossdock',
  ODOO_API_KEY: 'odoo-key-5f2a',
  SHIPBOB_TOKEN: 'sb-token-91c',
  SHIPBOB_CHANNEL_ID: '4242',
  SHIPBOB_WEBHOOK_SECRETS: 'whsec_a, whsec_b',
};

function problems(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads a minimal environment and fills in every default', () => {
    const config = loadConfig(minimal);
    expect(config.odoo).toEqual({
      url: 'https://acme.odoo.com',
      db: 'acme',
      login: 'crossdock',
      apiKey: 'odoo-key-5f2a',
    });
    expect(config.shipbob).toEqual({
      token: 'sb-token-91c',
      channelId: 4242,
      webhookSecrets: ['whsec_a', 'whsec_b'],
      requestsPerMinute: 150,
    });
    expect(config.routing).toEqual({ '*': 'shipbob' });
    expect(config.store).toEqual({ kind: 'memory' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 8080 });
    expect(config.easypost).toBeUndefined();
  });

  it('names every missing or wrong setting by its environment variable at once', () => {
    expect(problems({ ODOO_URL: 'not a url', SHIPBOB_CHANNEL_ID: 'abc', CROSSDOCK_ROUTING: 'WH' })).toEqual([
      'ODOO_URL (odoo.url): must be the Odoo base URL, like https://acme.odoo.com',
      'ODOO_DB (odoo.db): required',
      'ODOO_LOGIN (odoo.login): required',
      'SHIPBOB_TOKEN (shipbob.token): required',
      expect.stringMatching(/^SHIPBOB_CHANNEL_ID \(shipbob\.channelId\): /),
      'SHIPBOB_WEBHOOK_SECRETS (shipbob.webhookSecrets): required',
      'CROSSDOCK_ROUTING (routing): "WH" must be WAREHOUSE=target, like 1=shipbob or *=shipbob',
    ]);
  });

  it('lists every required variable when nothing is configured', () => {
    expect(problems({})).toEqual([
      'ODOO_URL (odoo.url): required',
      'ODOO_DB (odoo.db): required',
      'ODOO_LOGIN (odoo.login): required',
      'SHIPBOB_TOKEN (shipbob.token): required',
      'SHIPBOB_CHANNEL_ID (shipbob.channelId): required',
      'SHIPBOB_WEBHOOK_SECRETS (shipbob.webhookSecrets): required',
    ]);
  });

  it('asks for an API key or a password when Odoo has neither', () => {
    const { ODOO_API_KEY: _key, ...withoutKey } = minimal;
    expect(problems(withoutKey)).toEqual([
      'ODOO_API_KEY (odoo.apiKey): set ODOO_API_KEY (preferred) or ODOO_PASSWORD',
    ]);
  });

  it('never puts a secret in a validation error', () => {
    const leaky = { ...minimal, SHIPBOB_CHANNEL_ID: 'sb-token-91c', ODOO_URL: 'odoo-key-5f2a' };
    const text = problems(leaky).join('\n');
    expect(text).not.toContain('sb-token-91c');
    expect(text).not.toContain('odoo-key-5f2a');
  });

  it('reads a JSON file and lets the environment override it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crossdock-config-'));
    const file = join(dir, 'crossdock.json');
    writeFileSync(
      file,
      JSON.stringify({ routing: 'WH=shipbob,EAST=odoo', reconcileTolerance: 2, http: { port: 9000 } }),
    );
    const config = loadConfig({ ...minimal, CROSSDOCK_CONFIG: file, CROSSDOCK_HTTP_PORT: '9100' });
    expect(config.routing).toEqual({ WH: 'shipbob', EAST: 'odoo' });
    expect(config.reconcileTolerance).toBe(2);
    expect(config.reconcileApply).toBe(false);
    expect(loadConfig({ ...minimal, CROSSDOCK_RECONCILE_APPLY: 'true' }).reconcileApply).toBe(true);
    expect(loadConfig({ ...minimal, CROSSDOCK_RECONCILE_APPLY: 'false' }).reconcileApply).toBe(false);
    expect(config.http.port).toBe(9100);
  });

  it('refuses an unreadable config file, naming it', () => {
    expect(problems({ ...minimal, CROSSDOCK_CONFIG: '/nonexistent/crossdock.json' })[0]).toMatch(
      /^CROSSDOCK_CONFIG \(\/nonexistent\/crossdock\.json\): ENOENT/,
    );
  });
});
