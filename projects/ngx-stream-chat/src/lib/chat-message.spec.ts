import type { LocalMessage } from 'stream-chat';
import { formatMessage } from 'stream-chat';
import { messageFrom } from '../../../../jest/offline-stream-chat';
import {
  ChatMessage,
  newMessageId,
  optimisticMessage,
  payloadOf,
  toChatMessage,
} from './chat-message';

describe('toChatMessage', () => {
  it('returns messages that carry one of our statuses as they are', () => {
    const received = formatMessage(messageFrom('alice', 'hi'));
    expect(received.status).toBe('received');
    expect(toChatMessage(received)).toBe(received);
  });

  it("converts other statuses to 'received', once per message", () => {
    const odd = {
      ...formatMessage(messageFrom('alice', 'odd')),
      status: 'pending',
    } as LocalMessage;
    const converted = toChatMessage(odd);
    expect(converted).toMatchObject({ id: odd.id, status: 'received' });
    expect(toChatMessage(odd)).toBe(converted);
  });
});

describe('newMessageId', () => {
  it('makes distinct UUID v4 ids', () => {
    const ids = new Set(Array.from({ length: 100 }, newMessageId));
    expect(ids.size).toBe(100);
    ids.forEach((id) =>
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
    );
  });

  it('works without crypto.randomUUID', () => {
    const randomUUID = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    try {
      expect(newMessageId()).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', {
        value: randomUUID,
        configurable: true,
      });
    }
  });
});

describe('optimisticMessage', () => {
  it("is a formatted message from the user, now, with status 'sending'", () => {
    const before = Date.now();
    const message = optimisticMessage(
      { id: 'x', text: 'hello', mentioned_users: ['bob'], parent_id: 'p' },
      'messaging:general',
      { id: 'me' },
    );
    expect(message).toMatchObject({
      id: 'x',
      text: 'hello',
      cid: 'messaging:general',
      type: 'regular',
      user: { id: 'me' },
      status: 'sending',
      mentioned_users: [{ id: 'bob' }],
      attachments: [],
      parent_id: 'p',
    });
    expect(message.created_at).toBeInstanceOf(Date);
    expect(message.created_at.getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('payloadOf', () => {
  it('rebuilds what to send from a listed message', () => {
    const message = {
      ...formatMessage({ ...messageFrom('me', 'again'), mentioned_users: [{ id: 'bob' }] }),
      status: 'failed',
      quoted_message_id: 'q',
    } as ChatMessage;
    expect(payloadOf(message)).toEqual({
      id: message.id,
      text: 'again',
      attachments: message.attachments,
      mentioned_users: ['bob'],
      quoted_message_id: 'q',
    });
  });
});
