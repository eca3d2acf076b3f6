import { z } from 'zod';
import { ChatStore } from './chat-store';
import { loadSeed } from './seed-loader';
import { defineSlice } from './slices';
import { snapshotState } from './state-snapshot';

/** A slice of notes on messages, as a feature would keep it. */
const notesSlice = defineSlice({
  name: 'notes',
  create: () => new Map<string, string>(),
  persistence: {
    key: 'notes',
    schema: z.array(z.object({ message_id: z.string(), note: z.string().min(1) })),
    snapshot: (notes) => [...notes].map(([messageId, note]) => ({ message_id: messageId, note })),
    load: (notes, data, store) => {
      for (const entry of data) {
        if (!store.getMessage(entry.message_id)) {
          throw new Error(`message "${entry.message_id}" does not exist`);
        }
        notes.set(entry.message_id, entry.note);
      }
    },
  },
  onRemoved: (notes, removed) => removed.messageIds.forEach((id) => notes.delete(id)),
});

const seed = {
  users: [{ id: 'a' }],
  channels: [
    {
      type: 'messaging',
      id: 'x',
      members: ['a'],
      messages: [
        { id: 'm1', user_id: 'a', text: 'one' },
        { id: 'm2', user_id: 'a', text: 'two' },
      ],
    },
  ],
  notes: [{ message_id: 'm1', note: 'first' }],
};

describe('feature slices', () => {
  it('load from their key of a seed, and snapshot back to it', () => {
    const store = new ChatStore([notesSlice]);
    loadSeed(store, seed);
    expect(store.slice(notesSlice).get('m1')).toBe('first');
    const again = new ChatStore([notesSlice]);
    loadSeed(again, snapshotState(store));
    expect(snapshotState(again)).toEqual(snapshotState(store));
    expect(snapshotState(again)['notes']).toEqual([{ message_id: 'm1', note: 'first' }]);
  });

  it('refuse a seed whose slice data breaks the schema or its references, naming the key', () => {
    const load = (notes: unknown) => () =>
      loadSeed(new ChatStore([notesSlice]), { ...seed, notes });
    expect(load([{ message_id: 'm1', note: '' }])).toThrow('invalid seed: notes: [0]: "note"');
    expect(load([{ message_id: 'nope', note: 'n' }])).toThrow(
      'invalid seed: notes: message "nope" does not exist',
    );
  });

  it('drop what hangs off removed messages and channels, and start empty after clear()', () => {
    const store = new ChatStore([notesSlice]);
    loadSeed(store, { ...seed, notes: [...seed.notes, { message_id: 'm2', note: 'second' }] });
    const channel = store.getChannel('messaging:x');
    if (!channel) {
      throw new Error('seeded channel missing');
    }
    store.deleteMessage(
      channel,
      store.getMessage('m1') as NonNullable<ReturnType<ChatStore['getMessage']>>,
      true,
    );
    expect([...store.slice(notesSlice).keys()]).toEqual(['m2']);
    store.deleteChannel(channel);
    expect(store.slice(notesSlice).size).toBe(0);
    store.slice(notesSlice).set('x', 'y');
    store.clear();
    expect(store.slice(notesSlice).size).toBe(0);
  });

  it('are only readable when registered with the store', () => {
    expect(() => new ChatStore().slice(notesSlice)).toThrow('slice "notes" is not registered');
  });
});
