import type { SeedData, SeedMessage } from 'stream-chat-emulator';

/**
 * One line of a seeded conversation: who, when, what. `when` is a time of day ("09:02") that many
 * days ago, or, for today, minutes before now ("-42"), so today's lines are always in the past.
 */
type Line = [userId: string, daysAgo: number, when: string, text: string];

/** The General channel's history: three days of a small team shipping a release. */
const GENERAL: Line[] = [
  ['alice', 3, '09:02', 'Morning all! Release 2.4 planning starts today.'],
  ['alice', 3, '09:03', 'The board is up, grab what you like.'],
  ['bob', 3, '09:15', 'Taking the offline banner and the retry button.'],
  ['carol', 3, '09:21', 'I will do the dark theme. Finally.'],
  ['carol', 3, '09:21', 'Any objections to a toggle that remembers the choice?'],
  ['alice', 3, '09:30', 'None, ship it 🚢'],
  ['bob', 3, '11:48', 'Offline banner is in review.'],
  ['alice', 3, '14:05', 'Reviewed, two small comments.'],
  ['bob', 3, '14:40', 'Fixed both, thanks.'],
  ['carol', 3, '17:12', 'Dark theme draft is up. Screenshots in the design channel.'],
  ['alice', 2, '08:55', 'Standup notes: the emulator keeps data across restarts now.'],
  ['alice', 2, '08:56', 'npm start, then npm start -- --fresh when you want a clean slate.'],
  ['bob', 2, '09:10', 'Nice, no more re-seeding after every restart.'],
  ['carol', 2, '10:32', 'Who can pair on the message grouping?'],
  ['bob', 2, '10:35', 'Me, after lunch.'],
  ['carol', 2, '10:36', 'Great, 13:30 then.'],
  ['bob', 2, '15:20', 'Grouping done: one avatar and name per run of messages.'],
  ['bob', 2, '15:21', 'Day separators too.'],
  ['alice', 2, '15:40', 'Looks much calmer. 👏'],
  ['carol', 2, '16:02', 'And it still reads fine at 360 px.'],
  ['alice', 1, '09:05', 'Bug bash at 11, everyone welcome.'],
  ['bob', 1, '09:20', 'I will bring the keyboard-only checklist.'],
  ['carol', 1, '11:14', 'Found one: the pill hid the last message on small phones.'],
  ['carol', 1, '11:15', 'Fix is up.'],
  ['bob', 1, '11:40', 'Approved.'],
  ['alice', 1, '12:02', 'Lunch? 🍜'],
  ['bob', 1, '12:03', 'Yes please.'],
  ['carol', 1, '12:03', 'Two minutes.'],
  ['alice', 1, '16:30', 'Release notes draft is in the doc. Comments welcome.'],
  ['bob', 1, '17:45', 'Read it, all good from my side.'],
  ['carol', 0, '-95', 'Good morning!'],
  ['alice', 0, '-90', 'Morning! Release day.'],
  ['alice', 0, '-89', 'Tagging in an hour unless someone shouts.'],
  ['bob', 0, '-70', 'All green on CI.'],
  ['carol', 0, '-42', 'Screenshots are in docs/, light and dark.'],
  ['bob', 0, '-41', 'They look great.'],
  ['carol', 0, '-6', 'Thanks! Tag it whenever you are ready.'],
];

/** The Alice and Bob channel. */
const ALICE_BOB: Line[] = [
  ['alice', 1, '18:02', 'Lunch tomorrow?'],
  ['alice', 1, '18:02', 'Say 12:30 at the usual place.'],
  ['bob', 1, '18:20', 'Sounds good.'],
  ['alice', 0, '-30', 'Still on for 12:30?'],
];

/** The Design reviews channel. */
const DESIGN: Line[] = [
  ['carol', 3, '17:10', 'Dark theme mockups are up for review.'],
  ['bob', 3, '17:30', 'The contrast on the badges is much better.'],
  ['carol', 2, '09:00', 'Updated after feedback.'],
];

/** The Town square livestream. */
const TOWN_SQUARE: Line[] = [
  ['carol', 0, '-50', 'The stream starts in five minutes.'],
  ['alice', 0, '-49', 'Ready!'],
  ['bob', 0, '-48', 'Sound check ok on my side.'],
];

/** The time of a line's `when`, `daysAgo` days before `now` (local time). */
function at(now: Date, daysAgo: number, when: string): Date {
  if (when.startsWith('-')) {
    return new Date(now.getTime() - Number(when.slice(1)) * 60_000);
  }
  const [hours, minutes] = when.split(':').map(Number);
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo, hours, minutes);
}

function messages(id: string, lines: Line[], now: Date): SeedMessage[] {
  return lines.map(([userId, daysAgo, when, text], index) => ({
    id: `${id}-${index + 1}`,
    user_id: userId,
    text,
    created_at: at(now, daysAgo, when).toISOString(),
  }));
}

/** The time just after message `index` (1-based) of `lines`: who has read up to there. */
function readAfter(lines: Line[], index: number, now: Date): string {
  const [, daysAgo, when] = lines[index - 1];
  return new Date(at(now, daysAgo, when).getTime() + 1000).toISOString();
}

/**
 * The demo's seed for `npm start` and the screenshots: the emulator's default users (alice, bob,
 * carol) and channels, with a few days of history dated relative to `now`, so day separators,
 * grouping, relative times, paging (General has more than one page) and unread marks show.
 */
export function demoSeed(now: Date = new Date()): SeedData {
  const day = (daysAgo: number, time: string) => at(now, daysAgo, time).toISOString();
  return {
    users: [
      { id: 'alice', name: 'Alice Martin', role: 'user', created_at: day(30, '08:00') },
      { id: 'bob', name: 'Bob Nguyen', role: 'user', created_at: day(30, '08:01') },
      { id: 'carol', name: 'Carol Diaz', role: 'user', created_at: day(30, '08:02') },
    ],
    channels: [
      {
        type: 'messaging',
        id: 'general',
        name: 'General',
        created_by_id: 'alice',
        created_at: day(4, '09:00'),
        members: [
          { user_id: 'alice', last_read: readAfter(GENERAL, 33, now) },
          { user_id: 'bob', last_read: readAfter(GENERAL, 36, now) },
          { user_id: 'carol', last_read: readAfter(GENERAL, 37, now) },
        ],
        messages: messages('general', GENERAL, now),
      },
      {
        type: 'messaging',
        id: 'alice-bob',
        name: 'Alice and Bob',
        created_by_id: 'alice',
        created_at: day(2, '09:10'),
        members: ['alice', { user_id: 'bob', last_read: readAfter(ALICE_BOB, 3, now) }],
        messages: messages('alice-bob', ALICE_BOB, now),
      },
      {
        type: 'messaging',
        id: 'design',
        name: 'Design reviews',
        created_by_id: 'carol',
        created_at: day(4, '09:20'),
        members: ['bob', 'carol'],
        messages: messages('design', DESIGN, now),
      },
      {
        type: 'livestream',
        id: 'town-square',
        name: 'Town square',
        created_by_id: 'carol',
        created_at: day(4, '09:30'),
        members: [],
        messages: messages('town-square', TOWN_SQUARE, now),
      },
    ],
  };
}
