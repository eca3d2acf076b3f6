import { expect, test } from '@playwright/test';
import { RunningTokenEndpoint, startTokenEndpoint } from './token-endpoint';

const secret = 'spec-secret';

function payloadOf(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64').toString('utf8'));
}

test.describe('token endpoint', () => {
  let endpoint: RunningTokenEndpoint;

  test.beforeAll(async () => {
    endpoint = await startTokenEndpoint({
      apiKey: 'spec-key',
      apiSecret: secret,
      port: 0,
      allowedOrigins: ['http://localhost:4200'],
    });
  });

  test.afterAll(() => endpoint.close());

  test('signs a 60-second token for the user, with iat', async () => {
    const response = await fetch(`${endpoint.tokenUrl}?user_id=alice`);
    expect(response.status).toBe(200);
    const { token } = (await response.json()) as { token: string };
    const payload = payloadOf(token);
    expect(payload['user_id']).toBe('alice');
    expect(Number(payload['exp']) - Number(payload['iat'])).toBe(60);
    expect(Math.abs(Number(payload['iat']) - Date.now() / 1000)).toBeLessThan(5);
    expect(token.split('.')[1]).not.toMatch(/[-_]/);
    expect(endpoint.issuedTokens('alice')).toBe(1);
  });

  test('signs with the app secret, as stream-chat verifies it', async () => {
    const { token } = (await (await fetch(`${endpoint.tokenUrl}?user_id=bob`)).json()) as {
      token: string;
    };
    const { createHmac } = await import('node:crypto');
    const [header, payload, signature] = token.split('.');
    const expected = createHmac('sha256', secret)
      .update(`${header}.${payload}`)
      .digest('base64url');
    expect(signature).toBe(expected);
  });

  test('takes the lifetime from expires_in', async () => {
    const { token } = (await (
      await fetch(`${endpoint.tokenUrl}?user_id=carol&expires_in=5`)
    ).json()) as { token: string };
    const payload = payloadOf(token);
    expect(Number(payload['exp']) - Number(payload['iat'])).toBe(5);
  });

  test('refuses a missing or unusable user id, and a bad lifetime', async () => {
    for (const query of [
      '',
      '?user_id=',
      '?user_id=a~b',
      '?user_id=alice&expires_in=0',
      '?user_id=alice&expires_in=1.5',
    ]) {
      const response = await fetch(`${endpoint.tokenUrl}${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/user_id|expires_in/);
    }
  });

  test('allows pages of this machine by default', async () => {
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
        expect(response.headers.get('access-control-allow-origin'), origin).toBe(
          allowed ? origin : null,
        );
      }
    } finally {
      await local.close();
    }
  });

  test('allows the configured origins, and only them, through CORS', async () => {
    const allowed = await fetch(`${endpoint.tokenUrl}?user_id=alice`, {
      headers: { Origin: 'http://localhost:4200' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:4200');
    const other = await fetch(`${endpoint.tokenUrl}?user_id=alice`, {
      headers: { Origin: 'http://evil.example' },
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(endpoint.tokenUrl, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:4200', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(204);
  });

  test('answers 404 elsewhere and 405 for other methods', async () => {
    expect((await fetch(`${endpoint.url}/other`)).status).toBe(404);
    expect((await fetch(endpoint.tokenUrl, { method: 'POST' })).status).toBe(405);
  });
});
