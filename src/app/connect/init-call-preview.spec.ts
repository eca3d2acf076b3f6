import { initCallPreview } from './init-call-preview';

const endpoint = 'http://127.0.0.1:3101/token';

describe('initCallPreview', () => {
  it('shows the token provider calling the endpoint with the lifetime', () => {
    expect(
      initCallPreview({ mode: 'token-provider', userId: 'bob', tokenLifetimeSeconds: 5 }, endpoint),
    ).toBe(`const tokenProvider = async () =>
  (await get(\`http://127.0.0.1:3101/token?user_id=bob&expires_in=5\`)).token;
await chatService.init(apiKey, { id: 'bob', name: 'Bob Nguyen' }, tokenProvider);
await channelService.init({ type: 'messaging', members: { $in: ['bob'] } });`);
  });

  it('shows the static token fetched once', () => {
    expect(initCallPreview({ mode: 'static-token', userId: 'alice' }, endpoint)).toContain(
      'const { token } = await get(`http://127.0.0.1:3101/token?user_id=alice&expires_in=3600`);',
    );
  });

  it('shows the dev token made as the vendor page does', () => {
    expect(initCallPreview({ mode: 'dev-token', userId: 'carol' }, endpoint)).toContain(
      "const devToken = StreamChat.getInstance(apiKey).devToken('carol');",
    );
  });

  it('shows guests and anonymous users reading the livestream', () => {
    expect(initCallPreview({ mode: 'guest', guestName: "O'Brien" }, endpoint)).toBe(
      `await chatService.init(apiKey, { id: 'guest-…', name: 'O\\'Brien' }, 'guest');
await channelService.init({ type: 'livestream' });`,
    );
    expect(initCallPreview({ mode: 'anonymous' }, endpoint)).toBe(
      `await chatService.init(apiKey, undefined, 'anonymous');
await channelService.init({ type: 'livestream' });`,
    );
  });
});
