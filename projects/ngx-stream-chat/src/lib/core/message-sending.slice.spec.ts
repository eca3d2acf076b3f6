import type { Channel, SendMessageAPIResponse } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  offlineClient,
} from '../../../../../jest/offline-stream-chat';
import { StoreProbe } from '../../../../../jest/session-store-probe';
import type { ChatMessage } from '../chat-message';
import { StreamChatError } from '../stream-chat-errors';
import { activeChannelSlice } from './active-channel.slice';
import { SendingCommands, sendingSlice } from './message-sending.slice';

/** An error as the client throws it for an HTTP error answer. */
function serverError(code: number, message: string, status = 400): Error {
  return Object.assign(new Error(`StreamChat error code ${code}: ${message}`), {
    code,
    status,
    response: {},
  });
}

describe('sendingSlice', () => {
  let client: ReturnType<typeof offlineClient>;
  let probe: StoreProbe;
  let sender: SendingCommands;
  let channel: Channel;
  let sendMessage: jest.SpyInstance;
  /** Publications of the channel's messages from the start of the test, as `text:status`. */
  let shown: () => string[];

  beforeEach(async () => {
    client = offlineClient('me');
    client.user = { ...client.user, id: 'me', name: 'Me' } as typeof client.user;
    channel = loadChannels(client, [channelState(client, 'c')])[0];
    probe = new StoreProbe(client, { firstPage: [channel] });
    sender = probe.commands(sendingSlice);
    await probe.commands(activeChannelSlice).select(channel);
    const mark = probe.mark();
    shown = () =>
      probe
        .values('activeChannelMessages', mark)
        .map((messages) => messages.map((m) => `${m.text}:${m.status}`).join());
    sendMessage = jest.spyOn(channel, 'sendMessage').mockImplementation(
      async (message) =>
        ({
          message: {
            ...message,
            user: { id: 'me' },
            created_at: new Date().toISOString(),
            updated_at: new Date().toISOString(),
          },
        }) as SendMessageAPIResponse,
    );
  });

  afterEach(() => probe.dispose());

  it("lists the message at once as 'sending', then as 'received'", async () => {
    const sent = await sender.send(channel, 'hello', { custom: 1 } as never);

    expect(shown()).toEqual(['hello:sending', 'hello:received']);
    expect(sent).toMatchObject({ text: 'hello', status: 'received', user: { id: 'me' } });
    expect(sendMessage).toHaveBeenCalledWith({ custom: 1, id: sent.id, text: 'hello' });
    expect(probe.state.activeChannelMessages).toEqual([
      expect.objectContaining({ id: sent.id, status: 'received' }),
    ]);
  });

  it('lists the optimistic copy with the user, before the server answers', async () => {
    let answer: () => void = () => undefined;
    sendMessage.mockImplementationOnce(
      (message) =>
        new Promise((resolve) => {
          answer = () => resolve({ message: { ...message, user: { id: 'me' } } } as never);
        }),
    );
    const sending = sender.send(channel, 'wait', { id: 'my-id' });

    expect(probe.state.activeChannelMessages).toEqual([
      expect.objectContaining({
        id: 'my-id',
        text: 'wait',
        status: 'sending',
        user: expect.objectContaining({ id: 'me', name: 'Me' }),
      }),
    ]);
    answer();
    expect(await sending).toMatchObject({ id: 'my-id', status: 'received' });
  });

  it("keeps a failed message as 'failed', with a typed error, and resends it with the same id", async () => {
    sendMessage.mockRejectedValueOnce(serverError(-1, 'SendMessage failed', 500));
    const failed = await sender.send(channel, 'flaky', { quoted_message_id: 'q' });

    expect(failed.status).toBe('failed');
    expect(failed.sendError).toBeInstanceOf(StreamChatError);
    expect(failed.errorMessage).toBe(failed.sendError?.message);
    expect(channel.state.latestMessages.map((m) => m.status)).toEqual(['failed']);

    const resent = await sender.resend(failed);

    expect(resent).toMatchObject({ id: failed.id, status: 'received' });
    expect(resent.sendError).toBeUndefined();
    expect(resent.errorMessage).toBeUndefined();
    expect(sendMessage).toHaveBeenLastCalledWith({
      quoted_message_id: 'q',
      id: failed.id,
      text: 'flaky',
    });
    expect(shown()).toEqual(['flaky:sending', 'flaky:failed', 'flaky:sending', 'flaky:received']);
  });

  it('keeps thread replies in their thread, failed or not', async () => {
    sendMessage.mockRejectedValueOnce(serverError(-1, 'SendMessage failed', 500));
    const failed = await sender.send(channel, 'reply', { parent_id: 'p' });
    expect(failed.status).toBe('failed');
    expect(channel.state.latestMessages).toEqual([]);
    expect(channel.state.threads['p'].map((m) => m.status)).toEqual(['failed']);

    expect(await sender.resend(failed)).toMatchObject({ status: 'received', parent_id: 'p' });
    expect(channel.state.threads['p'].map((m) => m.status)).toEqual(['received']);
    expect(probe.state.activeChannelMessages).toEqual([]);
  });

  it('counts a message the server already has as received', async () => {
    sendMessage.mockRejectedValue(serverError(4, 'message with id "x" already exists'));
    const sent = await sender.send(channel, 'twice');
    expect(sent.status).toBe('received');
    expect(shown()).toEqual(['twice:sending', 'twice:received']);
  });

  it('does not mark as failed a message whose echo already arrived', async () => {
    sendMessage.mockImplementation(async (message) => {
      deliver(client, {
        type: 'message.new',
        cid: channel.cid,
        user: { id: 'me' },
        message: {
          ...message,
          user: { id: 'me' },
          created_at: new Date().toISOString(),
        } as never,
      });
      throw new Error('timeout of 3000ms exceeded');
    });
    const sent = await sender.send(channel, 'echoed');
    expect(sent.status).toBe('received');
    expect(channel.state.latestMessages.map((m) => m.status)).toEqual(['received']);
  });

  it('refuses to resend a message that did not fail', async () => {
    const sent = await sender.send(channel, 'fine');
    await expect(sender.resend(sent)).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(
      sender.resend({ ...sent, id: 'unknown', cid: 'messaging:nowhere' } as ChatMessage),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('resends a failed message it did not send itself, from its fields', async () => {
    channel.state.addMessageSorted(
      {
        ...channel.state.formatMessage({
          id: 'old',
          cid: channel.cid,
          text: 'from before',
          user: { id: 'me' },
          created_at: new Date().toISOString(),
        } as never),
        status: 'failed',
      },
      true,
    );
    const failed = channel.state.latestMessages[0] as ChatMessage;
    const resent = await sender.resend(failed);
    expect(resent.status).toBe('received');
    expect(sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'old', text: 'from before' }),
    );
  });

  it('tells the caller when the session ended while sending', async () => {
    sendMessage.mockImplementation(async () => {
      probe.dispose();
      channel.state.clearMessages();
      throw new Error('gone');
    });
    const published = probe.mark();
    await expect(sender.send(channel, 'late')).rejects.toMatchObject({ kind: 'superseded' });
    // Only the optimistic copy was published; nothing after the end.
    expect(probe.values('activeChannelMessages', published)).toHaveLength(1);
  });
});
