import { StreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel } from '../../../../../jest/peer-channels';

describe('ChatClientService.flagMessage()', () => {
  const fixture = useChannelServiceFixture();

  /**
   * Whether the connected user has flagged the message, as the server knows it: unflagging
   * succeeds only for a flag the user made (the emulator answers code 16 otherwise), and it takes
   * the flag off again.
   */
  async function hadFlagged(messageId: string): Promise<boolean> {
    try {
      await fixture.chat.chatClient!.unflagMessage(messageId);
      return true;
    } catch (error) {
      if ((error as { code?: number }).code === 16) return false;
      throw error;
    }
  }

  it("flags another user's message for moderation", async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'flag');
    const { message } = await channel.sendMessage({ text: 'flag me' });

    expect(await hadFlagged(message.id)).toBe(false);

    await fixture.chat.flagMessage(message.id);

    expect(await hadFlagged(message.id)).toBe(true);
  });

  it('rejects typed for a message that does not exist, for an own message and an empty id; the next flag works', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'flag');
    const { message } = await channel.sendMessage({ text: 'flag me later' });

    const missing = fixture.chat.flagMessage('no-such-message');
    await expect(missing).rejects.toBeInstanceOf(StreamChatError);
    await expect(missing).rejects.toMatchObject({
      code: 16,
      message: expect.stringMatching(/flagMessage\(\) failed .*no-such-message/),
    });
    const own = await fixture.chat
      .chatClient!.channel('messaging', channel.id)
      .sendMessage({ text: 'mine' });
    await expect(fixture.chat.flagMessage(own.message.id)).rejects.toMatchObject({
      kind: 'invalid-input',
      code: 4,
    });
    await expect(fixture.chat.flagMessage('')).rejects.toMatchObject({ kind: 'invalid-input' });

    await fixture.chat.flagMessage(message.id);
    expect(await hadFlagged(message.id)).toBe(true);
  });

  it('refuses without a connected user', async () => {
    await expect(fixture.chat.flagMessage('any')).rejects.toMatchObject({
      name: 'StreamChatError',
      kind: 'invalid-input',
      message: expect.stringContaining('needs a connected user'),
    });
  });
});
