import { ConnectChoice } from '../session/connect-choice';
import { initCallPreview } from './init-call-preview';

const endpoint = 'http://127.0.0.1:3101/token';

describe('initCallPreview', () => {
  it('shows the token provider calling the endpoint with the lifetime', () => {
    expect(
      initCallPreview({ mode: 'token-provider', userId: 'bob', tokenLifetimeSeconds: 5 }, endpoint),
    ).toBe(`const tokenProvider = async () =>
  (await get(\`http://127.0.0.1:3101/token?user_id=bob&expires_in=5\`)).token;
await chatService.init(apiKey, { id: 'bob', name: 'Bob Nguyen' }, tokenProvider);
await channelService.init({ type: 'messaging', members: { $in: ['bob'] } }, undefined, { activateFirstChannel: false });`);
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
await channelService.init({ type: 'livestream' }, undefined, { activateFirstChannel: true });`,
    );
    expect(initCallPreview({ mode: 'anonymous' }, endpoint)).toBe(
      `await chatService.init(apiKey, undefined, 'anonymous');
await channelService.init({ type: 'livestream' }, undefined, { activateFirstChannel: true });`,
    );
  });

  it('prints every argument of channelService.init(), options included, for every mode', () => {
    const choices: ConnectChoice[] = [
      { mode: 'token-provider', userId: 'alice' },
      { mode: 'static-token', userId: 'alice' },
      { mode: 'dev-token', userId: 'alice' },
    ];
    for (const choice of choices) {
      expect(initCallPreview(choice, endpoint).split('\n').at(-1)).toBe(
        "await channelService.init({ type: 'messaging', members: { $in: ['alice'] } }, undefined, { activateFirstChannel: false });",
      );
    }
  });
});
