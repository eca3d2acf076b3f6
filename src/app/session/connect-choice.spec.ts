import { channelFiltersFor, guestUserFor, isUserMode, seededUser } from './connect-choice';

describe('connect choice', () => {
  it('tells the token modes from guests and anonymous users', () => {
    expect(
      ['token-provider', 'static-token', 'dev-token'].every((mode) => isUserMode(mode as never)),
    ).toBe(true);
    expect(isUserMode('guest')).toBe(false);
    expect(isUserMode('anonymous')).toBe(false);
  });

  it('knows the seeded users by id', () => {
    expect(seededUser('bob')).toEqual({ id: 'bob', name: 'Bob Nguyen' });
    expect(seededUser('dave')).toEqual({ id: 'dave', name: 'dave' });
  });

  it('makes a guest id from the name and a random suffix', () => {
    expect(guestUserFor('  Sam Rivera ', () => 0.5)).toEqual({
      id: 'guest-sam-rivera-i000',
      name: 'Sam Rivera',
    });
    expect(guestUserFor('Zoë', () => 0).id).toBe('guest-zoe-0000');
    expect(guestUserFor('???', () => 0).id).toBe('guest-guest-0000');
    expect(guestUserFor('x'.repeat(60), () => 0).id).toMatch(/^guest-x{24}-0000$/);
  });

  it("lists a user's messaging channels, and the livestream for everyone else", () => {
    expect(channelFiltersFor({ mode: 'dev-token', userId: 'carol' })).toEqual({
      type: 'messaging',
      members: { $in: ['carol'] },
    });
    expect(channelFiltersFor({ mode: 'guest', guestName: 'Sam' })).toEqual({ type: 'livestream' });
    expect(channelFiltersFor({ mode: 'anonymous' })).toEqual({ type: 'livestream' });
  });
});
