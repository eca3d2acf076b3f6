import { TestBed } from '@angular/core/testing';
import { StreamChat } from 'stream-chat';
import { ChatClientService } from 'ngx-stream-chat';
import {
  EmulatorAdmin,
  provideStreamChatTesting,
  signToken,
  signUserToken,
} from 'ngx-stream-chat/testing';
import { uniqueId } from '../../../../jest/chat-peer';
import { integrationEmulator } from '../../../../jest/emulator-environment';

describe('signUserToken against the emulator, with the unmodified stream-chat client', () => {
  const emulator = integrationEmulator();
  const admin = new EmulatorAdmin(emulator);
  const clients: StreamChat[] = [];

  function rawClient(): StreamChat {
    const client = new StreamChat(emulator.apiKey, { baseURL: emulator.url });
    client.defaultWSTimeout = 5000;
    clients.push(client);
    return client;
  }

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.disconnectUser(0)));
  });

  it.each(['a~?>b', 'é', 'x>y?', '>>>???~~~', 'ユーザー😀'])(
    'makes a token for %j that the client accepts and the server verifies',
    async (id) => {
      const token = signUserToken(emulator.apiSecret, id, { expiresInSeconds: 60 });
      expect(token.split('.')[1]).not.toMatch(/[-_]/);

      // The client checks the token's user_id itself, then the server verifies the signature and
      // expiry before it looks at the id. Stream allows only letters, digits, "@", "_" and "-" in
      // ids, so the server then refuses the id (code 4), not the token (codes 5 and 40-43).
      const error = await rawClient()
        .connectUser({ id }, token)
        .then(
          () => undefined,
          (e: Error) => e.message,
        );

      expect(error).toMatch(/"code":4,/);
      expect(error).toMatch(/is not valid: it must match/);
      expect(error).not.toMatch(/userToken does not have a user_id/);
    },
  );

  it.each(['a@b_c-d', '___---', '@@@', 'Z9'])('makes a token for %j that connects', async (id) => {
    const unique = `${id}${uniqueId('').replace(/\W/g, '')}`;
    const result = await rawClient().connectUser(
      { id: unique },
      signUserToken(emulator.apiSecret, unique),
    );

    expect(result?.me?.id).toBe(unique);
    expect(await admin.connectionCount(unique)).toBe(1);
  });

  it('signs claims with ">", "?", "~" and characters beyond ASCII so that init() connects', async () => {
    TestBed.configureTestingModule({ providers: [provideStreamChatTesting(emulator)] });
    const chat = TestBed.inject(ChatClientService);
    const id = uniqueId('claims');
    const token = signToken(emulator.apiSecret, { user_id: id, note: 'é >?~ 😀', q: '???>>>' });
    expect(token.split('.')[1]).not.toMatch(/[-_]/);

    await chat.init(emulator.apiKey, id, token);

    expect(chat.user()?.id).toBe(id);
    expect(await admin.connectionCount(id)).toBe(1);
    await chat.disconnectUser();
  });
});
