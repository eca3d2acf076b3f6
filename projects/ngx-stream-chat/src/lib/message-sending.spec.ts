import { Channel, SendMessageAPIResponse } from 'stream-chat';
import {
  channelState,
  deliver,
  loadChannels,
  offlineClient,
} from '../../../../jest/offline-stream-chat';
import { SessionContextStub, sessionContextStub } from '../../../../jest/session-context-stub';
import type { ChatMessage } from './chat-message';
import { MessageSender } from './message-sending';
import { StreamChatError } from './stream-chat-errors';

/** An error as the client throws it for an HTTP error answer. */
function serverError(code: number, message: string, status = 400): Error {
  return Object.assign(new Error(`StreamChat error code ${code}: ${message}`), {
    code,
    status,
    response: {},
  });
}

describe('MessageSender', () => {
  let client: ReturnType<typeof offlineClient>;
  let context: SessionContextStub;
  let sender: MessageSender;
  let channel: Channel;
  let sendMessage: jest.SpyInstance;
  let statuses: string[][];

  beforeEach(() => {
    client = offlineClient('me');
    client.user = { ...client.user, id: 'me', name: 'Me' } as typeof client.user;
    context = sessionContextStub(client);
    statuses = [];
    context.updateNow = () => {
      context.updates++;
      statuses.push(channel.state.messages.map((m) => `${m.text}:${m.status}`));
    };
    sender = new MessageSender(context);
    channel = loadChannels(client, [channelState(client, 'c')])[0];
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

  it("lists the message at once as 'sending', then as 'received'", async () => {
    const sent = await sender.send(channel, 'hello', { custom: 1 } as never);

    expect(statuses).toEqual([['hello:sending'], ['hello:received']]);
    expect(sent).toMatchObject({ text: 'hello', status: 'received', user: { id: 'me' } });
    expect(sendMessage).toHaveBeenCalledWith({ custom: 1, id: sent.id, text: 'hello' });
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
    expect(sendMessage).toHaveBeenLastCalledWith({
      quoted_message_id: 'q',
      id: failed.id,
      text: 'flaky',
    });
    expect(statuses.map((list) => list.join())).toEqual([
      'flaky:sending',
      'flaky:failed',
      'flaky:sending',
      'flaky:received',
    ]);
  });

  it('keeps thread replies in their thread, failed or not', async () => {
    sendMessage.mockRejectedValueOnce(serverError(-1, 'SendMessage failed', 500));
    const failed = await sender.send(channel, 'reply', { parent_id: 'p' });
    expect(failed.status).toBe('failed');
    expect(channel.state.latestMessages).toEqual([]);
    expect(channel.state.threads['p'].map((m) => m.status)).toEqual(['failed']);

    expect(await sender.resend(failed)).toMatchObject({ status: 'received', parent_id: 'p' });
    expect(channel.state.threads['p'].map((m) => m.status)).toEqual(['received']);
  });

  it('counts a message the server already has as received', async () => {
    sendMessage.mockRejectedValue(serverError(4, 'message with id "x" already exists'));
    const sent = await sender.send(channel, 'twice');
    expect(sent.status).toBe('received');
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
  });

  it('refuses to resend a message that did not fail', async () => {
    const sent = await sender.send(channel, 'fine');
    await expect(sender.resend(sent)).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(
      sender.resend({ ...sent, id: 'unknown', cid: 'messaging:nowhere' } as ChatMessage),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
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
      context.disposed = true;
      channel.state.clearMessages();
      throw new Error('gone');
    });
    await expect(sender.send(channel, 'late')).rejects.toMatchObject({ kind: 'superseded' });
  });
});
