import { toChannelQuery } from './channel-query';

describe('toChannelQuery', () => {
  it('watches with presence, 25 channels and 25 messages per page, and activates the first', () => {
    expect(toChannelQuery({ type: 'messaging' }, { last_message_at: -1 })).toEqual({
      filters: { type: 'messaging' },
      sort: { last_message_at: -1 },
      options: { presence: true, watch: true, state: true, limit: 25, message_limit: 25 },
      activateFirstChannel: true,
    });
  });

  it('keeps the caller options and leaves out offset and activateFirstChannel', () => {
    const query = toChannelQuery({}, [], {
      limit: 10,
      message_limit: 50,
      presence: false,
      member_limit: 5,
      offset: 30,
      activateFirstChannel: false,
    });
    expect(query.options).toEqual({
      presence: false,
      watch: true,
      state: true,
      limit: 10,
      message_limit: 50,
      member_limit: 5,
    });
    expect(query.activateFirstChannel).toBe(false);
  });

  it.each(['<channel filters>', null, [], 42])(
    'refuses %j as filters with an invalid-input error',
    (filters) => {
      expect(() => toChannelQuery(filters as never, {})).toThrow(
        expect.objectContaining({
          kind: 'invalid-input',
          message: expect.stringMatching(/needs a filter object/),
        }),
      );
    },
  );
});
