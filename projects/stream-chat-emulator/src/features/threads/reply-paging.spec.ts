import { MessageRecord } from '../../store/model';
import { parseReplyPage, selectReplies } from './reply-paging';

/** Replies r1..r6, one second apart. */
const replies: MessageRecord[] = [1, 2, 3, 4, 5, 6].map((index) => ({
  id: `r${index}`,
  cid: 'messaging:x',
  userId: 'alice',
  text: `${index}`,
  type: 'reply',
  createdAt: new Date(Date.UTC(2024, 4, 1, 10, 0, index)).toISOString(),
  updatedAt: new Date(Date.UTC(2024, 4, 1, 10, 0, index)).toISOString(),
  parentId: 'p',
  silent: false,
  mentionedUserIds: [],
  attachments: [],
  replyCount: 0,
  threadParticipantIds: [],
  data: {},
}));

function page(query: string): string[] {
  return selectReplies(replies, parseReplyPage(new URLSearchParams(query))).map(
    (reply) => reply.id,
  );
}

describe('reply paging', () => {
  it('takes the page next to the cursor, oldest first', () => {
    expect(page('limit=2&id_gt=r2&id_lt=r6')).toEqual(['r4', 'r5']);
    expect(
      page(
        `limit=2&id_gt=r2&id_lt=r6&sort=${encodeURIComponent('[{"field":"created_at","direction":1}]')}`,
      ),
    ).toEqual(['r3', 'r4']);
    expect(page('limit=0')).toEqual([]);
    expect(page('limit=4&id_around=r6')).toEqual(['r3', 'r4', 'r5', 'r6']);
  });

  it('reads created_at bounds plain or JSON-quoted', () => {
    const third = encodeURIComponent(replies[2].createdAt);
    const quoted = encodeURIComponent(JSON.stringify(replies[2].createdAt));
    expect(page(`created_at_before_or_equal=${third}`)).toEqual(['r1', 'r2', 'r3']);
    expect(page(`limit=1&created_at_after_or_equal=${quoted}`)).toEqual(['r3']);
    expect(() => page('created_at_before=yesterday')).toThrow(
      'created_at_before must be a timestamp',
    );
  });

  it('refuses malformed or unsupported parameters', () => {
    expect(() => page('limit=-1')).toThrow('limit must be a whole number');
    expect(() => page('sort=not-json')).toThrow('sort must be URL-encoded JSON');
    expect(() => page('id_lt=')).toThrow('id_lt must not be empty');
    expect(() =>
      page(`created_at_around=${encodeURIComponent(replies[0].createdAt)}&id_around=r1`),
    ).toThrow('cannot be combined');
  });
});
