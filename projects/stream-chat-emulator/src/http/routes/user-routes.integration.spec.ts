import { RunningEmulator } from '../..';
import { emulatorForSpecFile, customFields } from '../../../test/client-harness';

describe('users, guests, app settings and unread counts', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started));

  it('queries users with $autocomplete, $in, sort, limit and offset', async () => {
    const alice = await pool.connected('alice');
    const ids = async (...args: Parameters<typeof alice.queryUsers>) =>
      (await alice.queryUsers(...args)).users.map((user) => user.id);
    expect(await ids({ name: { $autocomplete: 'nguy' } })).toEqual(['bob']);
    expect(await ids({ id: { $autocomplete: 'car' } })).toEqual(['carol']);
    expect(await ids({ id: { $in: ['carol', 'alice'] } }, { id: 1 })).toEqual(['alice', 'carol']);
    expect(await ids({ id: { $in: ['alice', 'bob', 'carol'] } }, { name: -1 })).toEqual([
      'carol',
      'bob',
      'alice',
    ]);
    expect(await ids({ role: 'user' }, { id: 1 }, { limit: 1, offset: 1 })).toEqual(['bob']);
    expect((await alice.queryUsers({ id: 'alice' })).users[0]).toMatchObject({
      online: true,
      name: 'Alice Martin',
    });
  });

  it('lets users update themselves but not others or their role; the server may', async () => {
    const bob = await pool.connected('bob');
    const { users } = await bob.upsertUser(
      customFields({ id: 'bob', name: 'Bobby', color: 'blue' }),
    );
    expect(users['bob']).toMatchObject({ name: 'Bobby', color: 'blue', role: 'user' });
    await expect(bob.upsertUser({ id: 'alice', name: 'Not you' })).rejects.toMatchObject({
      code: 17,
      status: 403,
    });
    await expect(
      bob.partialUpdateUser({ id: 'bob', set: { role: 'admin' } }),
    ).rejects.toMatchObject({ code: 17 });
    const patched = await bob.partialUpdateUser({
      id: 'bob',
      set: customFields({ mood: 'happy' }),
      unset: customFields(['color']),
    });
    expect(patched.users['bob']).toMatchObject({ name: 'Bobby', mood: 'happy' });
    expect(patched.users['bob']).not.toHaveProperty('color');

    const server = pool.server();
    await server.upsertUsers([{ id: 'root', name: 'Root', role: 'admin' }]);
    expect(emulator.store.users.get('root')?.role).toBe('admin');
    const root = await pool.connected('root');
    await root.partialUpdateUser({ id: 'carol', set: customFields({ team: 'design' }) });
    expect(emulator.store.users.get('carol')?.data['team']).toBe('design');
    const [general] = await root.queryChannels({ id: 'general' });
    expect(general.data?.own_capabilities).toContain('delete-channel');
  });

  it('answers GET /app with the settings and channel configs', async () => {
    const alice = await pool.connected('alice');
    const { app } = await alice.getAppSettings();
    expect(app).toMatchObject({
      disable_auth_checks: true,
      guest_user_creation_disabled: false,
      channel_configs: {
        messaging: { read_events: true, typing_events: true, delivery_events: false },
      },
    });
  });

  it('gives guests their own role: livestreams yes, other people’s conversations no', async () => {
    const guest = pool.client();
    await guest.setGuestUser({ id: 'walk-in', name: 'Walk In' });
    expect(guest.user?.role).toBe('guest');
    const stage = guest.channel('livestream', 'town-square');
    await stage.watch();
    await stage.sendMessage({ text: 'guest here' });
    await expect(guest.channel('messaging', 'general').watch()).rejects.toMatchObject({ code: 17 });
    await expect(pool.client().setGuestUser({ id: 'alice' })).rejects.toMatchObject({ code: 4 });
  });

  it('reports unread counts per channel (GET /unread)', async () => {
    const carol = await pool.connected('carol');
    const counts = await carol.getUnreadCount();
    expect(counts).toMatchObject({
      total_unread_count: 2,
      channels: [{ channel_id: 'messaging:general', unread_count: 2 }],
      channel_type: [{ channel_type: 'messaging', channel_count: 1, unread_count: 2 }],
    });
    expect(carol.user).toMatchObject({ total_unread_count: 2, unread_channels: 1 });
    await carol.markAllRead();
    expect((await carol.getUnreadCount()).total_unread_count).toBe(0);
  });
});
