import { StreamChatError } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';

describe('ChannelService read control and message actions against the emulator', () => {
  const fixture = useChannelServiceFixture();

  it('keeps the active channel unread while shouldMarkActiveChannelAsRead is false, and reads it when set back', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const shared = await createChannel(alice, [bob], 'read-control');
    await fixture.service.init({ members: { $in: [bob] } });
    const active = fixture.service.activeChannel()!;
    expect(active.cid).toBe(shared.cid);

    fixture.service.shouldMarkActiveChannelAsRead = false;
    await shared.sendMessage({ text: 'while away' });
    await poll(() => fixture.service.unreadCount(active)() === 1, {
      description: 'the message to count as unread',
    });
    // Others see the message unread by bob: no read event went out.
    await shared.query({ state: true });
    expect(shared.state.read[bob]?.unread_messages).toBe(1);

    fixture.service.shouldMarkActiveChannelAsRead = true;
    await poll(() => fixture.service.unreadCount(active)() === 0, {
      description: 'the channel to be marked read',
    });
    await poll(
      async () => {
        await shared.query({ state: true });
        return shared.state.read[bob]?.unread_messages === 0;
      },
      { description: 'alice to see that bob read it' },
    );
  });

  it('refuses a message action on an unknown message, and reports the server refusing one', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    await createChannel(alice, [bob], 'actions');
    await fixture.service.init({ members: { $in: [bob] } });

    await expect(
      fixture.service.sendAction('no-such-message', { image_action: 'cancel' }),
    ).rejects.toMatchObject({ kind: 'invalid-input' });

    const sent = await fixture.service.sendMessage('hello');
    const refusal = await fixture.service
      .sendAction(sent.id, { image_action: 'shuffle' })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StreamChatError);
    // Nothing changed, and the next call works.
    expect(fixture.service.activeChannelMessages().map((message) => message.text)).toEqual([
      'hello',
    ]);
    await fixture.service.sendMessage('still fine');
    expect(fixture.service.activeChannelMessages()).toHaveLength(2);
  });
});
