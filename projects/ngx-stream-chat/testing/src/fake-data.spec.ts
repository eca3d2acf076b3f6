import { fakeChannel, fakeMessage, fakeUser } from './fake-data';

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
