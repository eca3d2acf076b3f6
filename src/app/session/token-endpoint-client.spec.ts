import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CHAT_BACKEND } from '../chat-backend.token';
import { TEST_BACKEND } from '../testing/demo-test-providers';
import { TokenEndpointClient } from './token-endpoint-client';

describe('TokenEndpointClient', () => {
  let client: TokenEndpointClient;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: CHAT_BACKEND, useValue: TEST_BACKEND },
      ],
    });
    client = TestBed.inject(TokenEndpointClient);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('asks the token endpoint for a token for the user, with its lifetime', async () => {
    const token = client.fetchToken('alice', 5);
    const request = http.expectOne(
      (req) => req.url === TEST_BACKEND.tokenEndpoint && req.params.get('user_id') === 'alice',
    );
    expect(request.request.params.get('expires_in')).toBe('5');
    request.flush({ token: 'jwt' });
    await expect(token).resolves.toBe('jwt');
  });

  it("leaves the lifetime to the endpoint's default when none is given", async () => {
    const token = client.fetchToken('bob');
    const request = http.expectOne(() => true);
    expect(request.request.params.has('expires_in')).toBe(false);
    request.flush({ token: 'jwt' });
    await token;
  });

  it('gives a token provider that fetches a new token on every call', async () => {
    const provider = client.tokenProvider('carol', 60);
    for (const expected of ['first', 'second']) {
      const token = provider();
      http.expectOne(() => true).flush({ token: expected });
      await expect(token).resolves.toBe(expected);
    }
  });

  it('says when the endpoint cannot be reached', async () => {
    const token = client.fetchToken('alice');
    http.expectOne(() => true).error(new ProgressEvent('error'), { status: 0 });
    await expect(token).rejects.toThrow(
      'Could not reach the token endpoint at http://127.0.0.1:3101/token. Is it running?',
    );
  });

  it("passes on the endpoint's reason for refusing", async () => {
    const token = client.fetchToken('a~b');
    http
      .expectOne(() => true)
      .flush({ error: 'user_id is required' }, { status: 400, statusText: 'Bad Request' });
    await expect(token).rejects.toThrow(
      'The token endpoint refused to sign a token (HTTP 400: user_id is required).',
    );
  });

  it('refuses an answer without a token', async () => {
    const token = client.fetchToken('alice');
    http.expectOne(() => true).flush({});
    await expect(token).rejects.toThrow('answered without a "token" field');
  });
});
