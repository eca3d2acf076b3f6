import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RunningTokenEndpoint, startTokenEndpoint } from './token-endpoint';

const secret = 'spec-secret';

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString('utf8'));
}

describe('token endpoint', () => {
  let endpoint: RunningTokenEndpoint;

  before(async () => {
    endpoint = await startTokenEndpoint({
      apiKey: 'spec-key',
      apiSecret: secret,
      port: 0,
      allowedOrigins: ['http://localhost:4200'],
    });
  });

  after(() => endpoint.close());

  it('signs a 60-second token for the user, with iat', async () => {
    const response = await fetch(`${endpoint.tokenUrl}?user_id=alice`);
    assert.equal(response.status, 200);
    const { token } = (await response.json()) as { token: string };
    const payload = payloadOf(token);
    assert.equal(payload['user_id'], 'alice');
    assert.equal(Number(payload['exp']) - Number(payload['iat']), 60);
    assert.ok(Math.abs(Number(payload['iat']) - Date.now() / 1000) < 5);
    assert.doesNotMatch(token.split('.')[1], /[-_]/);
    assert.equal(endpoint.issuedTokens('alice'), 1);
  });

  it('signs with the app secret, as stream-chat verifies it', async () => {
    const { token } = (await (await fetch(`${endpoint.tokenUrl}?user_id=bob`)).json()) as {
      token: string;
    };
    const { createHmac } = await import('node:crypto');
    const [header, payload, signature] = token.split('.');
    const expected = createHmac('sha256', secret)
      .update(`${header}.${payload}`)
      .digest('base64url');
    assert.equal(signature, expected);
  });

  it('takes the lifetime from expires_in', async () => {
    const { token } = (await (
      await fetch(`${endpoint.tokenUrl}?user_id=carol&expires_in=5`)
    ).json()) as { token: string };
    const payload = payloadOf(token);
    assert.equal(Number(payload['exp']) - Number(payload['iat']), 5);
  });

  it('refuses a missing or unusable user id, and a bad lifetime', async () => {
    for (const query of [
      '',
      '?user_id=',
      '?user_id=a~b',
      '?user_id=alice&expires_in=0',
      '?user_id=alice&expires_in=1.5',
    ]) {
      const response = await fetch(`${endpoint.tokenUrl}${query}`);
      assert.equal(response.status, 400, query);
      assert.match(((await response.json()) as { error: string }).error, /user_id|expires_in/);
    }
  });

  it('allows pages of this machine by default', async () => {
    const local = await startTokenEndpoint({ apiKey: 'k', apiSecret: secret, port: 0 });
    try {
      for (const [origin, allowed] of [
        ['http://localhost:4300', true],
        ['http://127.0.0.1:41234', true],
        ['https://example.com', false],
      ] as const) {
        const response = await fetch(`${local.tokenUrl}?user_id=alice`, {
          headers: { Origin: origin },
        });
        assert.equal(
          response.headers.get('access-control-allow-origin'),
          allowed ? origin : null,
          origin,
        );
      }
    } finally {
      await local.close();
    }
  });

  it('allows the configured origins, and only them, through CORS', async () => {
    const allowed = await fetch(`${endpoint.tokenUrl}?user_id=alice`, {
      headers: { Origin: 'http://localhost:4200' },
    });
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'http://localhost:4200');
    const other = await fetch(`${endpoint.tokenUrl}?user_id=alice`, {
      headers: { Origin: 'http://evil.example' },
    });
    assert.equal(other.headers.get('access-control-allow-origin'), null);
    const preflight = await fetch(endpoint.tokenUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4200', 'Access-Control-Request-Method': 'GET' },
    });
    assert.equal(preflight.status, 204);
  });

  it('answers 404 elsewhere and 405 for other methods', async () => {
    assert.equal((await fetch(`${endpoint.url}/other`)).status, 404);
    assert.equal((await fetch(endpoint.tokenUrl, { method: 'POST' })).status, 405);
  });
});
