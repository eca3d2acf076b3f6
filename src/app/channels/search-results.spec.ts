import type { SearchAPIResponse } from 'stream-chat';
import { highlightParts, searchHits } from './search-results';

describe('searchHits', () => {
  it('reads the message, its channel and its sender', () => {
    const response = {
      results: [
        {
          message: {
            id: 'm1',
            text: 'Lunch at noon',
            cid: 'messaging:general',
            created_at: '2024-05-01T10:00:00.000Z',
            user: { id: 'bob', name: 'Bob Nguyen' },
            channel: { cid: 'messaging:general', name: 'General' },
          },
        },
        { message: { id: 'm2', parent_id: 'm1', cid: 'messaging:x', user: { id: 'carol' } } },
      ],
    } as unknown as SearchAPIResponse;
    expect(searchHits(response)).toEqual([
      {
        id: 'm1',
        parentId: undefined,
        cid: 'messaging:general',
        channelName: 'General',
        sender: 'Bob Nguyen',
        text: 'Lunch at noon',
        createdAt: new Date('2024-05-01T10:00:00.000Z'),
      },
      {
        id: 'm2',
        parentId: 'm1',
        cid: 'messaging:x',
        channelName: 'messaging:x',
        sender: 'carol',
        text: '',
        createdAt: undefined,
      },
    ]);
  });
});

describe('highlightParts', () => {
  it('marks every case-insensitive match', () => {
    expect(highlightParts('Lunch? lunch!', 'LUNCH')).toEqual([
      { text: 'Lunch', match: true },
      { text: '? ', match: false },
      { text: 'lunch', match: true },
      { text: '!', match: false },
    ]);
  });

  it('marks nothing for an empty query', () => {
    expect(highlightParts('Lunch', ' ')).toEqual([{ text: 'Lunch', match: false }]);
  });
});
