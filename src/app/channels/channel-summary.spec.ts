import { fakeChannel, fakeMessage } from 'ngx-stream-chat/testing';
import { channelName, summarizeChannel } from './channel-summary';

describe('channel summary', () => {
  it('names a channel by its name, else its id', () => {
    expect(channelName(fakeChannel('general', { name: 'General' }))).toBe('General');
    expect(channelName(fakeChannel('general', { name: '  ' }))).toBe('general');
  });

  it('previews the last message with its sender, "You" for your own', () => {
    const channel = fakeChannel('general', {
      messages: [
        fakeMessage({
          id: '1',
          text: 'First',
          user: { id: 'bob', name: 'Bob Nguyen' },
          created_at: new Date(1),
        }),
        fakeMessage({
          id: '2',
          text: 'Last',
          user: { id: 'alice', name: 'Alice Martin' },
          created_at: new Date(5),
        }),
        fakeMessage({ id: '3', type: 'deleted', user: { id: 'bob' }, created_at: new Date(9) }),
      ],
    });
    expect(summarizeChannel(channel, 'bob')).toMatchObject({
      cid: 'messaging:general',
      name: 'general',
      preview: 'Alice Martin: Last',
      lastMessageAt: new Date(5),
    });
    expect(summarizeChannel(channel, 'alice').preview).toBe('You: Last');
  });

  it('has no preview for a channel without messages', () => {
    expect(summarizeChannel(fakeChannel('empty'), 'alice')).toMatchObject({
      preview: undefined,
      lastMessageAt: undefined,
    });
  });

  it('shows the other person of a one-to-one channel, with their presence', () => {
    const pair = fakeChannel('pair', {
      members: [
        { id: 'alice', name: 'Alice Martin', online: true },
        { id: 'bob', name: 'Bob Nguyen', online: false },
      ],
    });
    expect(summarizeChannel(pair, 'alice').counterpart).toMatchObject({
      id: 'bob',
      name: 'Bob Nguyen',
      online: false,
    });
    expect(summarizeChannel(fakeChannel('empty'), 'alice').counterpart).toBeUndefined();
  });
});
