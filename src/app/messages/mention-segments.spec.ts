import { mentionSegments } from './mention-segments';

describe('mentionSegments', () => {
  const bob = { id: 'bob', name: 'Bob Nguyen' };

  it('marks the mentions of mentioned users, and which are of the connected user', () => {
    expect(mentionSegments('Hi @Bob Nguyen and @carol!', [bob, { id: 'carol' }], 'bob')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', text: '@Bob Nguyen', userId: 'bob', own: true },
      { kind: 'text', text: ' and ' },
      { kind: 'mention', text: '@carol', userId: 'carol', own: false },
      { kind: 'text', text: '!' },
    ]);
  });

  it('prefers the longest name, and treats names as text, not patterns', () => {
    const segments = mentionSegments('@Bob Nguyen', [{ id: 'b', name: 'Bob' }, bob], undefined);
    expect(segments).toEqual([{ kind: 'mention', text: '@Bob Nguyen', userId: 'bob', own: false }]);
    expect(mentionSegments('@a.b', [{ id: 'x', name: 'a+b' }], undefined)).toEqual([
      { kind: 'text', text: '@a.b' },
    ]);
  });

  it('leaves text without mentioned users alone', () => {
    expect(mentionSegments('@Bob Nguyen', undefined, 'bob')).toEqual([
      { kind: 'text', text: '@Bob Nguyen' },
    ]);
    expect(mentionSegments('', [bob], 'bob')).toEqual([]);
  });
});
