import { SeedData } from 'stream-chat-emulator';

/** The three clients fed the storm; each has its own user and its own copy of the channels. */
export const STORM_SUBJECTS = ['raw', 'vendor', 'ours'] as const;
export type StormSubjectName = (typeof STORM_SUBJECTS)[number];

/** The user who writes every storm message. */
export const STORM_SENDER_ID = 'storm-sender';
/** The channel whose first real message gives the storm messages their shape. */
export const TEMPLATE_CHANNEL_ID = 'storm-template';

/** The connected user of one subject. */
export function readerId(subject: StormSubjectName): string {
  return `reader-${subject}`;
}

/** The id of a subject's channel number `index`. */
export function stormChannelId(subject: StormSubjectName, index: number): string {
  return `storm-${subject}-${index}`;
}

/**
 * Users and channels for the storm: per subject, `channels` messaging channels whose members are
 * the subject's reader and the sender (so separate subjects never see each other's events), and
 * one template channel.
 */
export function stormSeed(channels: number): SeedData {
  return {
    users: [
      { id: STORM_SENDER_ID, name: 'Storm sender' },
      ...STORM_SUBJECTS.map((subject) => ({ id: readerId(subject), name: `Reader ${subject}` })),
    ],
    channels: [
      {
        type: 'messaging',
        id: TEMPLATE_CHANNEL_ID,
        created_by_id: STORM_SENDER_ID,
        members: [STORM_SENDER_ID],
      },
      ...STORM_SUBJECTS.flatMap((subject) =>
        Array.from({ length: channels }, (_, index) => ({
          type: 'messaging',
          id: stormChannelId(subject, index),
          name: `Channel ${index}`,
          created_by_id: STORM_SENDER_ID,
          members: [STORM_SENDER_ID, readerId(subject)],
        })),
      ),
    ],
  };
}
