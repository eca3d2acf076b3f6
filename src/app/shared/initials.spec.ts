import { hueOf, initialsOf } from './initials';

describe('initials', () => {
  it('takes the first and last word', () => {
    expect(initialsOf('Alice Martin')).toBe('AM');
    expect(initialsOf('  mary  ann  smith ')).toBe('MS');
    expect(initialsOf('bob')).toBe('B');
    expect(initialsOf('')).toBe('?');
    expect(initialsOf(undefined)).toBe('?');
  });

  it('gives each name a stable hue', () => {
    expect(hueOf('Alice')).toBe(hueOf('Alice'));
    expect(hueOf('Alice')).not.toBe(hueOf('Bob'));
    expect(hueOf('Alice')).toBeGreaterThanOrEqual(0);
    expect(hueOf('Alice')).toBeLessThan(360);
  });
});
