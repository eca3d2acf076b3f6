import { insertMention, mentionQueryAt, mentionedIn } from './mention-query';

describe('mentionQueryAt', () => {
  it('finds an "@" at the start or after a space, with the term typed so far', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, term: '' });
    expect(mentionQueryAt('hi @bo', 6)).toEqual({ start: 3, term: 'bo' });
    expect(mentionQueryAt('hi\n@Zoë', 7)).toEqual({ start: 3, term: 'Zoë' });
  });

  it('reads only up to the caret', () => {
    expect(mentionQueryAt('hi @bob and more', 7)).toEqual({ start: 3, term: 'bob' });
    expect(mentionQueryAt('hi @bob and more', 16)).toBeUndefined();
  });

  it('ignores e-mail addresses and text after a finished mention', () => {
    expect(mentionQueryAt('mail me@example', 15)).toBeUndefined();
    expect(mentionQueryAt('@bob hi', 7)).toBeUndefined();
  });
});

describe('insertMention', () => {
  it('replaces the query with the name and a space, and puts the caret after them', () => {
    const text = 'hi @bo, lunch?';
    const result = insertMention(text, { start: 3, term: 'bo' }, 6, {
      id: 'bob',
      name: 'Bob Nguyen',
    });
    expect(result).toEqual({ text: 'hi @Bob Nguyen , lunch?', caret: 15 });
  });

  it('uses the id when the user has no name, and does not double the space', () => {
    expect(insertMention('@c more', { start: 0, term: 'c' }, 2, { id: 'carol' })).toEqual({
      text: '@carol more',
      caret: 7,
    });
  });
});

describe('mentionedIn', () => {
  const bob = { id: 'bob', name: 'Bob Nguyen' };
  const carol = { id: 'carol', name: 'Carol Diaz' };

  it('keeps the picked users still written in the text, once each', () => {
    expect(mentionedIn('@Bob Nguyen and @Bob Nguyen', [bob, bob, carol])).toEqual([bob]);
  });

  it('drops a user whose mention was deleted', () => {
    expect(mentionedIn('hello', [bob])).toEqual([]);
  });
});
