import { fakeChannel, fakeMessage, fakeUser, offlineStreamChat } from './fake-data';

describe('fake data', () => {
  it('makes real, loaded channels with data and members', () => {
    const channel = fakeChannel('general', {
      name: 'General',
      capabilities: ['send-message'],
      members: [{ id: 'bob', name: 'Bob', online: true }],
      data: { cooldown: 5 },
    });

    expect(channel.cid).toBe('messaging:general');
    expect(channel.initialized).toBe(true);
    expect(channel.data).toMatchObject({
      name: 'General',
      own_capabilities: ['send-message'],
      member_count: 1,
      cooldown: 5,
    });
    expect(channel.state.members['bob'].user).toEqual({ id: 'bob', name: 'Bob', online: true });
    expect(fakeChannel('x', { type: 'team' }).cid).toBe('team:x');
  });

  it('sets the read state, watchers, member count and loading of a channel', () => {
    const lastRead = new Date('2024-05-01T09:00:00Z');
    const channel = fakeChannel('c', {
      read: { bob: lastRead },
      watcherCount: 3,
      memberCount: 12,
      initialized: false,
    });

    expect(channel.state.read['bob']).toMatchObject({ user: { id: 'bob' }, last_read: lastRead });
    expect(channel.state.watcher_count).toBe(3);
    expect(channel.data?.member_count).toBe(12);
    expect(channel.initialized).toBe(false);
  });

  it("holds the channel's messages, oldest first, as the client does", () => {
    const channel = fakeChannel('c', {
      messages: [
        fakeMessage({ id: 'later', created_at: new Date('2024-05-01T10:00:00Z') }),
        fakeMessage({ id: 'earlier', created_at: new Date('2024-05-01T09:00:00Z') }),
      ],
    });

    expect(channel.state.messages.map((message) => message.id)).toEqual(['earlier', 'later']);
    expect(channel.state.messages[1].created_at).toEqual(new Date('2024-05-01T10:00:00Z'));
  });

  it('makes offline clients for a connected user, which reach no server', async () => {
    const client = offlineStreamChat(fakeUser({ id: 'alice' }));

    expect(client.userID).toBe('alice');
    expect(client.user?.id).toBe('alice');
    await expect(client.queryUsers({ id: 'bob' })).rejects.toThrow();
  });

  it('makes received messages with fresh ids, and users', () => {
    const first = fakeMessage({ text: 'Hi' });
    const second = fakeMessage({ id: 'own', user: { id: 'alice' } });

    expect(first).toMatchObject({ text: 'Hi', status: 'received', user: { id: 'bob' } });
    expect(first.id).not.toBe(fakeMessage().id);
    expect(second).toMatchObject({ id: 'own', user: { id: 'alice' }, reaction_counts: {} });
    expect(fakeUser({ id: 'alice', name: 'Alice' })).toMatchObject({
      id: 'alice',
      name: 'Alice',
      online: true,
      total_unread_count: 0,
    });
  });
});
