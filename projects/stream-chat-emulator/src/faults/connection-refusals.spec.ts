import { ConnectionRefusals } from './connection-refusals';

describe('ConnectionRefusals', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses everyone, or one user, until the deadline', () => {
    jest.useFakeTimers({ now: 1_000 });
    const refusals = new ConnectionRefusals();
    refusals.refuse(500, 'alice');

    expect(refusals.isRefused('alice')).toBe(true);
    expect(refusals.isRefused('bob')).toBe(false);

    refusals.refuse(200);
    expect(refusals.isRefused('bob')).toBe(true);

    jest.setSystemTime(1_300);
    expect(refusals.isRefused('bob')).toBe(false);
    expect(refusals.isRefused('alice')).toBe(true);

    refusals.clear();
    expect(refusals.isRefused('alice')).toBe(false);
  });
});
