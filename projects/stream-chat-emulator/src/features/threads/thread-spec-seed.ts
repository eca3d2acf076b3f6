import { SeedData } from '../../store/seed-schema';

/**
 * The seed the threads specs start from: `team` (alice, bob, carol) and `private`
 * (alice, bob), each with a parent message by bob; dave belongs to neither.
 */
export function threadSpecSeed(): SeedData {
  return {
    users: [
      { id: 'alice', name: 'Alice' },
      { id: 'bob', name: 'Bob' },
      { id: 'carol', name: 'Carol' },
      { id: 'dave', name: 'Dave' },
    ],
    channels: [
      {
        type: 'messaging',
        id: 'team',
        name: 'Team',
        created_by_id: 'bob',
        members: ['alice', 'bob', 'carol'],
        messages: [
          {
            id: 'team-root',
            user_id: 'bob',
            text: 'Who takes the release?',
            created_at: '2024-05-01T10:00:00.000Z',
          },
        ],
      },
      {
        type: 'messaging',
        id: 'private',
        name: 'Private',
        created_by_id: 'alice',
        members: ['alice', 'bob'],
        messages: [
          {
            id: 'private-root',
            user_id: 'bob',
            text: 'Lunch?',
            created_at: '2024-05-01T11:00:00.000Z',
          },
        ],
      },
    ],
  };
}
