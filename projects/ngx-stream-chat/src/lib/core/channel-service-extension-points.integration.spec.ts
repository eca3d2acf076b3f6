import type { Channel, Event as StreamEvent } from 'stream-chat';
import {
  ChannelEventHandler,
  ChannelListSetter,
  ChatMessage,
  ClientEvent,
  withThreads,
} from 'ngx-stream-chat';
import { useChannelServiceFixture } from '../../../../../jest/channel-service-fixture';
import { createChannel, serverMessageIds } from '../../../../../jest/peer-channels';
import { poll } from '../../../../stream-chat-emulator/test/poll';

const cids = (channels: Channel[] | undefined) => channels?.map((channel) => channel.cid).join();

/** One call of a channel event handler, with its arguments. */
interface EventCall {
  event: StreamEvent;
  channel: Channel;
  setChannels: ChannelListSetter;
  setMessages: (messages: ChatMessage[]) => void;
  setThread: (messages: ChatMessage[]) => void;
  setParent: (message: ChatMessage | undefined) => void;
}

/** A channel event handler that records its calls. */
function recordingHandler(calls: EventCall[]): ChannelEventHandler {
  return (event, channel, setChannels, setMessages, setThread, setParent) =>
    calls.push({ event, channel, setChannels, setMessages, setThread, setParent });
}

describe('ChannelService channel-list handlers against the emulator', () => {
  const fixture = useChannelServiceFixture([withThreads()]);

  /** Bob's service listing two channels of alice's with him, newer on top and active. */
  async function twoChannels(limit = 25) {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const older = await createChannel(alice, [bob], 'older');
    const newer = await createChannel(alice, [bob], 'newer');
    await fixture.service.init({ members: { $in: [bob] } }, { created_at: -1 }, { limit });
    return { bob, alice, older, newer };
  }

  const listed = (cid: string) => fixture.service.channels()!.find((c) => c.cid === cid)!;

  it('customNewMessageHandler replaces moving the channel up, and its setters set the list, messages and thread', async () => {
    const { older, newer } = await twoChannels();
    const calls: EventCall[] = [];
    fixture.service.customNewMessageHandler = recordingHandler(calls);
    const before = fixture.service.channels();

    const sent = (await older.sendMessage({ text: 'in the older channel' })).message;
    await poll(() => calls.length === 1, { description: 'the handler call' });

    expect(calls[0].event.message?.id).toBe(sent.id);
    expect(calls[0].channel).toBe(listed(older.cid));
    expect(fixture.service.channels()).toBe(before);
    calls[0].setChannels([listed(older.cid), listed(newer.cid)]);
    expect(cids(fixture.service.channels())).toBe(`${older.cid},${newer.cid}`);

    // In the active channel: the app decides what the lists show.
    const parent = (await newer.sendMessage({ text: 'parent' })).message;
    await poll(() => calls.length === 2, { description: 'the second call' });
    await poll(() => fixture.service.activeChannelMessages().some((m) => m.id === parent.id), {
      description: 'the parent message to be shown',
    });
    const shown = fixture.service.activeChannelMessages();
    calls[1].setMessages([]);
    expect(fixture.service.activeChannelMessages()).toEqual([]);
    calls[1].setMessages(shown);
    expect(fixture.service.activeChannelMessages()).toEqual(shown);
    const parentMessage = shown.find((message) => message.id === parent.id)!;
    calls[1].setParent(parentMessage);
    expect(fixture.service.activeParentMessageId()).toBe(parent.id);
    calls[1].setThread([parentMessage]);
    expect(fixture.service.activeThreadMessages()).toEqual([parentMessage]);
    calls[1].setParent(undefined);
    expect(fixture.service.activeParentMessageId()).toBeUndefined();

    // Unset, the service's own handling is back.
    fixture.service.customNewMessageHandler = undefined;
    await older.sendMessage({ text: 'moves up' });
    await newer.sendMessage({ text: 'moves up too' });
    await poll(() => cids(fixture.service.channels()) === `${newer.cid},${older.cid}`, {
      description: 'the default order',
    });
    expect(calls).toHaveLength(2);
  });

  it('the notification handlers replace joining and leaving; their setter replaces the list', async () => {
    const { bob, alice, older, newer } = await twoChannels(1);
    expect(cids(fixture.service.channels())).toBe(newer.cid);
    const notifications: ClientEvent[] = [];
    let setter: ChannelListSetter | undefined;
    const record = (clientEvent: ClientEvent, setChannels: ChannelListSetter) => {
      notifications.push(clientEvent);
      setter = setChannels;
    };
    fixture.service.customNewMessageNotificationHandler = record;
    fixture.service.customAddedToChannelNotificationHandler = record;
    fixture.service.customRemovedFromChannelNotificationHandler = record;

    await older.sendMessage({ text: 'not watched by bob' });
    await poll(() => notifications.length === 1, { description: 'notification.message_new' });
    expect(notifications[0].eventType).toBe('notification.message_new');
    expect(notifications[0].event.channel?.cid ?? notifications[0].event.cid).toBe(older.cid);

    const added = await createChannel(alice, [bob], 'added');
    await poll(() => notifications.some((n) => n.eventType === 'notification.added_to_channel'), {
      description: 'notification.added_to_channel',
    });
    expect(cids(fixture.service.channels())).toBe(newer.cid);

    await newer.removeMembers([bob]);
    await poll(
      () => notifications.some((n) => n.eventType === 'notification.removed_from_channel'),
      { description: 'notification.removed_from_channel' },
    );
    expect(cids(fixture.service.channels())).toBe(newer.cid);

    // The app lists what it wants, watching it itself.
    const addedCopy = fixture.chat.chatClient!.channel('messaging', added.id);
    await addedCopy.watch();
    setter!([addedCopy], false);
    expect(cids(fixture.service.channels())).toBe(added.cid);
    await added.sendMessage({ text: 'live' });
    await poll(() => fixture.service.unreadCount(addedCopy)() === 1, {
      description: 'the app-listed channel to be live',
    });
  });

  it('the channel deleted, updated and truncated handlers replace the list updates', async () => {
    const { older, newer } = await twoChannels();
    const calls: EventCall[] = [];
    fixture.service.customChannelDeletedHandler = recordingHandler(calls);
    fixture.service.customChannelUpdatedHandler = recordingHandler(calls);
    fixture.service.customChannelTruncatedHandler = recordingHandler(calls);
    await newer.sendMessage({ text: 'to be truncated' });
    await poll(() => fixture.service.activeChannelMessages().length === 1, {
      description: 'the message',
    });
    const before = fixture.service.channels();
    const olderCopy = listed(older.cid);

    const rename: Record<string, unknown> = { name: 'renamed' };
    await older.update({ ...rename });
    await poll(() => calls.some((call) => call.event.type === 'channel.updated'), {
      description: 'channel.updated',
    });
    await newer.truncate();
    await poll(() => calls.some((call) => call.event.type === 'channel.truncated'), {
      description: 'channel.truncated',
    });
    await older.delete();
    await poll(() => calls.some((call) => call.event.type === 'channel.deleted'), {
      description: 'channel.deleted',
    });

    expect(calls.map((call) => [call.event.type, call.channel.cid])).toEqual([
      ['channel.updated', older.cid],
      ['channel.truncated', newer.cid],
      ['channel.deleted', older.cid],
    ]);
    expect(calls[0].channel).toBe(olderCopy);
    // The client still applies the events to the channels; the list itself is the app's.
    expect((olderCopy.data as Record<string, unknown>)['name']).toBe('renamed');
    expect(fixture.service.channels() === before).toBe(true);
    // The truncation reaches the messages with the next frame's publish.
    await poll(() => fixture.service.activeChannelMessages().length === 0, {
      description: 'the truncated messages to go',
    });
    calls[2].setChannels([listed(newer.cid)]);
    expect(cids(fixture.service.channels())).toBe(newer.cid);
  });

  it('the hidden and visible handlers replace taking the channel off and putting it back', async () => {
    const { bob, older, newer } = await twoChannels();
    const calls: EventCall[] = [];
    fixture.service.customChannelHiddenHandler = recordingHandler(calls);
    fixture.service.customChannelVisibleHandler = recordingHandler(calls);
    const otherDevice = await fixture.peerAs(bob);
    const hidden = otherDevice.channel('messaging', older.id);
    await hidden.watch();

    await hidden.hide();
    await poll(() => calls.length === 1, { description: 'channel.hidden' });
    expect(calls[0].event.type).toBe('channel.hidden');
    expect(cids(fixture.service.channels())).toBe(`${newer.cid},${older.cid}`);
    calls[0].setChannels([listed(newer.cid)], false);

    await older.sendMessage({ text: 'visible again' });
    await poll(() => calls.length === 2, { description: 'channel.visible' });
    expect(calls[1].event.type).toBe('channel.visible');
    expect(calls[1].channel.cid).toBe(older.cid);
    expect(cids(fixture.service.channels())).toBe(newer.cid);
  });
});

describe('ChannelService message hooks against the emulator', () => {
  const fixture = useChannelServiceFixture();

  async function activeChannel() {
    const bob = await fixture.connect('bob');
    const alice = await fixture.peer('alice');
    const channel = await createChannel(alice, [bob], 'hooks');
    await fixture.service.init({ members: { $in: [bob] } });
    return { bob, alice, channel };
  }

  it('beforeSendMessage changes what is listed and sent; alice receives the changed message', async () => {
    const { channel } = await activeChannel();
    fixture.service.beforeSendMessage = async (input) => ({
      ...input,
      text: input.text.toUpperCase(),
      customData: { ...input.customData, client: 'web' },
    });

    const sent = await fixture.service.sendMessage('hello', { mood: 'happy' } as object);

    expect(sent.text).toBe('HELLO');
    const received = await poll(
      () => channel.state.latestMessages.find((message) => message.id === sent.id),
      { description: "bob's message at alice's" },
    );
    expect(received.text).toBe('HELLO');
    expect((received as Record<string, unknown>)['client']).toBe('web');
    expect((received as Record<string, unknown>)['mood']).toBe('happy');
  });

  it('a beforeSendMessage that throws rejects sendMessage() with its error; nothing is listed or sent', async () => {
    const { channel } = await activeChannel();
    const refusal = new Error('the app refused');
    fixture.service.beforeSendMessage = () => {
      throw refusal;
    };

    await expect(fixture.service.sendMessage('never')).rejects.toBe(refusal);

    expect(fixture.service.activeChannelMessages()).toEqual([]);
    expect(await serverMessageIds(channel)).toEqual([]);
    fixture.service.beforeSendMessage = undefined;
    const next = await fixture.service.sendMessage('now');
    expect(await serverMessageIds(channel)).toEqual([next.id]);
  });

  it('beforeUpdateMessage changes the edit alice sees; when it throws nothing changes', async () => {
    const { channel } = await activeChannel();
    const sent = await fixture.service.sendMessage('draft');
    fixture.service.beforeUpdateMessage = (message) => ({ ...message, text: `${message.text}!` });

    await fixture.service.updateMessage({ ...sent, text: 'final' });

    await poll(() => channel.state.findMessage(sent.id)?.text === 'final!', {
      description: "the edit at alice's",
    });
    fixture.service.beforeUpdateMessage = () => Promise.reject(new Error('not now'));
    const current = fixture.service.activeChannelMessages()[0];
    await expect(fixture.service.updateMessage({ ...current, text: 'other' })).rejects.toThrow(
      'not now',
    );
    expect(fixture.service.activeChannelMessages()[0]).toBe(current);
  });

  it('messageDeleteConfirmationHandler resolving false keeps the message on both sides; true deletes it', async () => {
    const { channel } = await activeChannel();
    const sent = await fixture.service.sendMessage('keep me?');
    const asked: string[] = [];
    let answer = false;
    fixture.service.messageDeleteConfirmationHandler = (message) => {
      asked.push(message.id);
      return Promise.resolve(answer);
    };

    await fixture.service.deleteMessage(sent);

    expect(asked).toEqual([sent.id]);
    expect(fixture.service.activeChannelMessages()[0].status).toBe('received');
    expect(fixture.service.activeChannelMessages()[0].deleted_at).toBeFalsy();
    expect((await channel.getClient().getMessage(sent.id)).message.deleted_at).toBeFalsy();

    answer = true;
    await fixture.service.deleteMessage(fixture.service.activeChannelMessages()[0]);
    expect(fixture.service.activeChannelMessages()[0].type).toBe('deleted');
    await poll(() => channel.state.findMessage(sent.id)?.type === 'deleted', {
      description: "the delete at alice's",
    });
    // A local delete is not asked about.
    const local = await fixture.service.sendMessage('local');
    await fixture.service.deleteMessage(local, true);
    expect(fixture.service.activeChannelMessages().map((m) => m.id)).toEqual([sent.id]);
    expect(asked).toEqual([sent.id, sent.id]);
  });
});
