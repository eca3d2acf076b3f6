import type { Attachment } from 'stream-chat';
import { messageInputOf, outgoingOf, outgoingOfInput } from './message-input';

const image: Attachment = { type: 'image', image_url: 'https://example.test/a.png' };
/** A custom message field, as apps add them. */
const custom: Record<string, unknown> = { mood: 'happy' };

describe('messageInputOf', () => {
  it("gives the hook the vendor's fields, custom fields apart", () => {
    expect(
      messageInputOf('hi', {
        attachments: [image],
        mentioned_users: ['ann'],
        parent_id: 'p1',
        quoted_message_id: 'q1',
        ...custom,
      }),
    ).toEqual({
      text: 'hi',
      attachments: [image],
      mentionedUsers: [{ id: 'ann' }],
      parentId: 'p1',
      quotedMessageId: 'q1',
      customData: { mood: 'happy' },
    });
  });

  it('gives empty lists and no custom data for a plain message', () => {
    expect(messageInputOf('hi', {})).toEqual({
      text: 'hi',
      attachments: [],
      mentionedUsers: [],
      parentId: undefined,
      quotedMessageId: undefined,
      customData: undefined,
    });
  });
});

describe('outgoingOfInput', () => {
  it('turns the input back into what the client sends (a round trip keeps it)', () => {
    const extra = {
      attachments: [image],
      mentioned_users: ['ann'],
      parent_id: 'p1',
      quoted_message_id: 'q1',
      ...custom,
    };
    expect(outgoingOfInput(messageInputOf('hi', extra))).toEqual({ text: 'hi', extra });
  });

  it('leaves out empty lists and unset fields, and takes what the hook changed', () => {
    const input = { ...messageInputOf('hi', { ...custom }), text: 'HI', customData: undefined };
    expect(outgoingOfInput(input)).toEqual({ text: 'HI', extra: {} });
    expect(
      outgoingOfInput({ ...input, mentionedUsers: [{ id: 'bo' }], parentId: 'p2' }).extra,
    ).toEqual({ mentioned_users: ['bo'], parent_id: 'p2' });
  });
});

describe('outgoingOf', () => {
  it("maps sendMessage()'s vendor arguments, mentioned users as ids", () => {
    expect(outgoingOf([image], [{ id: 'ann' }], 'p1', 'q1', { mood: 'happy' })).toEqual({
      mood: 'happy',
      attachments: [image],
      mentioned_users: ['ann'],
      parent_id: 'p1',
      quoted_message_id: 'q1',
    });
    expect(outgoingOf([], [], undefined, undefined, undefined)).toEqual({});
  });
});
