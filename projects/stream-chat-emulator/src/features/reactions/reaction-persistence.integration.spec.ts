import { RunningEmulator, SeedData, startEmulator } from '../..';
import { emulatorForSpecFile } from '../../../test/client-harness';

const seed: SeedData = {
  users: [
    { id: 'alice', name: 'Alice' },
    { id: 'bob', name: 'Bob' },
  ],
  channels: [
    {
      type: 'messaging',
      id: 'chat',
      created_by_id: 'alice',
      members: ['alice', 'bob'],
      messages: ['kept', 'emptied', 'hard-deleted'].map((id) => ({
        id,
        user_id: 'alice',
        text: id,
      })),
    },
    {
      type: 'messaging',
      id: 'short-lived',
      created_by_id: 'alice',
      members: ['alice', 'bob'],
      messages: [{ id: 'in-deleted-channel', user_id: 'bob', text: 'bye' }],
    },
  ],
};

const REACTION_FIELDS = [
  'latest_reactions',
  'own_reactions',
  'reaction_counts',
  'reaction_scores',
  'reaction_groups',
] as const;

/** The reaction fields of a message as `viewer` gets it, without presence (`online`). */
async function aggregatesFor(emulator: RunningEmulator, viewer: string, messageId: string) {
  const response = await fetch(`${emulator.url}/messages/${messageId}?api_key=${emulator.apiKey}`, {
    headers: { Authorization: emulator.createToken(viewer), 'Stream-Auth-Type': 'jwt' },
  });
  const { message } = (await response.json()) as { message: Record<string, unknown> };
  const fields = Object.fromEntries(REACTION_FIELDS.map((field) => [field, message[field]]));
  return JSON.parse(
    JSON.stringify(fields, (key, value: unknown) => (key === 'online' ? undefined : value)),
  );
}

describe('reactions in seed and data files', () => {
  let emulator: RunningEmulator;
  const pool = emulatorForSpecFile((started) => (emulator = started), { seed });

  it('loads a snapshot back into a fresh emulator with identical aggregates', async () => {
    const alice = await pool.connected('alice');
    const bob = await pool.connected('bob');
    const [aliceChat] = await alice.queryChannels({ id: 'chat' });
    const [bobChat] = await bob.queryChannels({ id: 'chat' });
    await aliceChat.sendReaction('kept', { type: 'love' });
    await bobChat.sendReaction('kept', { type: 'clap', score: 7 });
    await bobChat.sendReaction('emptied', { type: 'sad' });
    await bobChat.deleteReaction('emptied', 'sad');
    await aliceChat.sendReaction('hard-deleted', { type: 'like' });
    await alice.deleteMessage('hard-deleted', { hardDelete: true });
    const [shortLived] = await alice.queryChannels({ id: 'short-lived' });
    await shortLived.sendReaction('in-deleted-channel', { type: 'like' });
    await shortLived.delete();

    const snapshot = emulator.snapshot();
    const stored = snapshot['reactions'] as Record<string, unknown>;
    expect(Object.keys(stored).sort()).toEqual(['emptied', 'kept']);
    expect(stored['emptied']).toEqual({
      reactions: [],
      first_reaction_at: { sad: expect.any(String) },
    });

    const restored = await startEmulator({ port: 0, quiet: true, seed: snapshot });
    try {
      for (const viewer of ['alice', 'bob']) {
        for (const messageId of ['kept', 'emptied']) {
          expect(await aggregatesFor(restored, viewer, messageId)).toEqual(
            await aggregatesFor(emulator, viewer, messageId),
          );
        }
      }
      expect((await aggregatesFor(restored, 'bob', 'kept'))['own_reactions']).toEqual([
        expect.objectContaining({ type: 'clap', score: 7, user_id: 'bob' }),
      ]);
      expect(restored.store.getMessage('kept')?.updatedAt).toBe(
        emulator.store.getMessage('kept')?.updatedAt,
      );
      expect(restored.snapshot()['reactions']).toEqual(stored);
    } finally {
      await restored.close();
    }
  });

  it('refuses a seed whose reactions name an unknown message or user', async () => {
    await expect(
      startEmulator({
        port: 0,
        quiet: true,
        seed: {
          ...seed,
          reactions: { ghost: { reactions: [{ type: 'like', user_id: 'alice' }] } },
        },
      }),
    ).rejects.toThrow('reactions: message "ghost" does not exist');
    await expect(
      startEmulator({
        port: 0,
        quiet: true,
        seed: { ...seed, reactions: { kept: { reactions: [{ type: 'like', user_id: 'zed' }] } } },
      }),
    ).rejects.toThrow('user "zed" does not exist');
    await expect(
      startEmulator({
        port: 0,
        quiet: true,
        seed: { ...seed, reactions: { kept: { reactions: 3 } } },
      }),
    ).rejects.toThrow('invalid seed object: reactions: ');
  });
});
