import { chatMessage } from '../testing/chat-fakes';
import { messageActions } from './message-action-list';

describe('messageActions', () => {
  const ids = (...args: Parameters<typeof messageActions>) =>
    messageActions(...args).map((action) => action.id);

  it('lets moderators edit and delete the messages of others', () => {
    const capabilities = ['update-any-message', 'delete-any-message', 'pin-message'];
    expect(
      ids(chatMessage({ pinned: true }), { own: false, capabilities, inThread: false }),
    ).toEqual(['edit', 'unpin', 'delete']);
  });

  it('offers nothing for deleted, system or unconfirmed messages', () => {
    const context = { own: true, capabilities: undefined, inThread: false };
    expect(ids(chatMessage({ type: 'deleted' }), context)).toEqual([]);
    expect(ids(chatMessage({ type: 'system' }), context)).toEqual([]);
    expect(ids(chatMessage({ status: 'failed' }), context)).toEqual([]);
  });
});
