import { quoteSummary } from './quoted-message';

describe('quoteSummary', () => {
  it('gives the author and the text, or what stands in for it', () => {
    const user = { id: 'bob', name: 'Bob Nguyen' };
    expect(quoteSummary({ id: '1', text: ' Hi ', user })).toEqual({
      author: 'Bob Nguyen',
      text: 'Hi',
    });
    expect(quoteSummary({ id: '1', type: 'deleted', user })).toEqual({
      author: 'Bob Nguyen',
      text: 'This message was deleted.',
    });
    expect(quoteSummary({ id: '1', text: '', attachments: [{}, {}], user: { id: 'x' } })).toEqual({
      author: 'x',
      text: '2 attachments',
    });
    expect(quoteSummary({ id: '1', user: null }).author).toBe('Unknown');
  });
});
