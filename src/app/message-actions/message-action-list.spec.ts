import { fakeMessage } from 'ngx-stream-chat/testing';
import { messageActions } from './message-action-list';

describe('messageActions', () => {
  const ids = (...args: Parameters<typeof messageActions>) =>
    messageActions(...args).map((action) => action.id);

  it('lets moderators edit and delete the messages of others', () => {
    const capabilities = ['update-any-message', 'delete-any-message', 'pin-message'];
    expect(
      ids(fakeMessage({ pinned: true }), { own: false, capabilities, inThread: false }),
    ).toEqual(['edit', 'unpin', 'delete']);
  });

  it('offers nothing for deleted, system or unconfirmed messages', () => {
    const context = { own: true, capabilities: undefined, inThread: false };
    expect(ids(fakeMessage({ type: 'deleted' }), context)).toEqual([]);
    expect(ids(fakeMessage({ type: 'system' }), context)).toEqual([]);
    expect(ids(fakeMessage({ status: 'failed' }), context)).toEqual([]);
  });
});
