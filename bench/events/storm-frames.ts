import { StormSubjectName, stormChannelId } from './storm-seed';

/** A message as the emulator sends it, used as the shape of every storm message. */
export type MessageTemplate = Record<string, unknown>;

/**
 * Frames `[first, first + count)` (JSON text, as they arrive on the socket) of one subject's storm
 * of `message.new` events:
 * message `i` goes to channel `i % channels`, from the sender, with the recipient's unread
 * counters rising as the emulator would send them. Every subject gets the same storm, only with
 * its own channel ids.
 */
export function stormFrames(
  subject: StormSubjectName,
  template: MessageTemplate,
  first: number,
  count: number,
  channels: number,
  startTime: number,
): string[] {
  const frames: string[] = [];
  for (let i = first; i < first + count; i++) {
    const index = i % channels;
    const channelId = stormChannelId(subject, index);
    const cid = `messaging:${channelId}`;
    const createdAt = new Date(startTime + i).toISOString();
    const id = `storm-${subject}-${i}`;
    frames.push(
      JSON.stringify({
        type: 'message.new',
        cid,
        channel_id: channelId,
        channel_type: 'messaging',
        message: {
          ...template,
          id,
          text: `Storm message ${i}`,
          html: `<p>Storm message ${i}</p>\n`,
          cid,
          created_at: createdAt,
          updated_at: createdAt,
        },
        message_id: id,
        user: template['user'],
        created_at: createdAt,
        watcher_count: 1,
        channel_member_count: 2,
        channel_last_message_at: createdAt,
        total_unread_count: i + 1,
        unread_count: i + 1,
        unread_channels: Math.min(i + 1, channels),
      }),
    );
  }
  return frames;
}
