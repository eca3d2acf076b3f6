/*
 * The state and the calls of the scale benchmark's emulator process (see scale-server.ts).
 */
import type { SeedData } from '../../projects/stream-chat-emulator/src';

/** The state to build: how many messages in the big channel, how many other channels. */
export interface ScaleSeedSize {
  messages: number;
  replies: number;
  channels: number;
}

/** A call from the parent. */
export type ScaleCall =
  | { id: number; method: 'stop' }
  | { id: number; method: 'memory'; gc: boolean }
  | { id: number; method: 'peakStart' }
  | { id: number; method: 'peakStop' };

/** The emulator's memory, in bytes. */
export interface ScaleMemory {
  heapUsed: number;
  rss: number;
}

/** What the child sends when it is ready. */
export interface ScaleReady {
  ready: true;
  url: string;
  apiKey: string;
  apiSecret: string;
  seedMs: number;
}

/** Users of the seed: alice and bob, members of everything. */
export const SCALE_USERS = ['alice', 'bob'];
/** The big channel's id and the parent of its long thread. */
export const BIG_CHANNEL = 'big';
export const THREAD_PARENT = 'thread-parent';

/** A seed with `messages` in `messaging:big` (the thread's replies among them) and small channels. */
export function scaleSeed(size: ScaleSeedSize): SeedData {
  const start = Date.UTC(2024, 0, 1);
  const messages: NonNullable<SeedData['channels'][number]['messages']> = [];
  const replyEvery = Math.max(1, Math.floor(size.messages / Math.max(1, size.replies)));
  let replies = 0;
  for (let index = 0; index < size.messages; index++) {
    const createdAt = new Date(start + index * 1000).toISOString();
    const userId = SCALE_USERS[index % 2];
    if (index === 0) {
      messages.push({ id: THREAD_PARENT, user_id: userId, text: 'thread', created_at: createdAt });
    } else if (index % replyEvery === 0 && replies < size.replies) {
      replies++;
      messages.push({
        id: `r${index}`,
        user_id: userId,
        text: `reply ${index}`,
        parent_id: THREAD_PARENT,
        created_at: createdAt,
      });
    } else {
      messages.push({
        id: `m${index}`,
        user_id: userId,
        text: `message ${index}`,
        created_at: createdAt,
      });
    }
  }
  const channels: SeedData['channels'] = [
    { type: 'messaging', id: BIG_CHANNEL, members: SCALE_USERS, messages },
  ];
  for (let index = 0; index < size.channels; index++) {
    channels.push({
      type: 'messaging',
      id: `c${index}`,
      members: SCALE_USERS,
      messages: [{ user_id: 'alice', text: `hello ${index}` }],
    });
  }
  return { users: SCALE_USERS.map((id) => ({ id })), channels } as SeedData;
}
