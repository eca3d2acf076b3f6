import type { ChatMessage } from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel, serverMessageIds } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';

describe('ChannelService slow mode and bounced messages against the emulator', () => {
  const fixture = useChannelServiceFixture();

  it("records when bob last sent per channel; in slow mode the next message fails and only alice's server copy counts", async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const slow = await createChannel(alice, [bob], 'slow');
    const other = await createChannel(alice, [bob], 'other');
    await slow.enableSlowMode(60);
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: 1 });
    const active = fixture.service.activeChannel()!;
    expect(active.cid).toBe(slow.cid);
    expect(active.data?.cooldown).toBe(60);
    expect(fixture.service.latestMessageDateByUserByChannels()).toEqual({});

    const first = await fixture.service.sendMessage('first');

    expect(first.status).toBe('received');
    await poll(() => fixture.service.latestMessageDateByUserByChannels()[slow.cid], {
      description: "the date of bob's message",
    });
    const date = fixture.service.latestMessageDateByUserByChannels()[slow.cid];
    expect(date).toEqual(new Date(first.created_at as string | Date));

    const second = await fixture.service.sendMessage('too soon');

    expect(second.status).toBe('failed');
    expect(second.sendError?.kind).toBe('not-allowed');
    expect(second.sendError?.code).toBe(60);
    expect(fixture.service.latestMessageDateByUserByChannels()[slow.cid]).toBe(date);
    expect(await serverMessageIds(slow)).toEqual([first.id]);

    // Alice moderates: slow mode does not hold her, and her messages are not bob's.
    await slow.sendMessage({ text: 'one' });
    await slow.sendMessage({ text: 'two' });
    await poll(() => fixture.service.activeChannelMessages().length === 4, {
      description: "alice's messages",
    });
    expect(Object.keys(fixture.service.latestMessageDateByUserByChannels())).toEqual([slow.cid]);

    // Another channel has its own date.
    await fixture.service.setAsActiveChannel(
      fixture.service.channels()!.find((channel) => channel.cid === other.cid)!,
    );
    await fixture.service.sendMessage('elsewhere');
    await poll(() => fixture.service.latestMessageDateByUserByChannels()[other.cid], {
      description: 'the other channel date',
    });
    expect(fixture.service.latestMessageDateByUserByChannels()[slow.cid]).toBe(date);

    fixture.service.reset();
    expect(fixture.service.latestMessageDateByUserByChannels()).toEqual({});
  });

  it('holds the bounced message the app chose, as observable and signal, until cleared or reset', async () => {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const slow = await createChannel(alice, [bob], 'bounce');
    await slow.enableSlowMode(60);
    await fixture.service.init({ members: { $in: [bob] } });
    await fixture.service.sendMessage('first');
    const failed = await fixture.service.sendMessage('refused');
    const seen: (ChatMessage | undefined)[] = [];
    const subscription = fixture.service.bouncedMessage$.subscribe((message) => seen.push(message));

    fixture.service.bouncedMessage$.next(failed);
    expect(fixture.service.bouncedMessage()).toBe(failed);
    fixture.service.bouncedMessage$.next(undefined);
    expect(fixture.service.bouncedMessage()).toBeUndefined();
    fixture.service.bouncedMessage$.next(failed);
    // Nothing of the session stays after a reset.
    fixture.service.reset();
    subscription.unsubscribe();

    expect(fixture.service.bouncedMessage()).toBeUndefined();
    expect(seen).toEqual([undefined, failed, undefined, failed, undefined]);
  });
});
