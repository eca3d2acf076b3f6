import { readStored, writeStored } from './browser-storage';

describe('browser storage', () => {
  const refusing = {
    getItem: () => {
      throw new Error('blocked');
    },
    setItem: () => {
      throw new Error('quota');
    },
  } as unknown as Storage;

  it('reads and writes localStorage', () => {
    writeStored(localStorage, 'spec-key', 'value');
    expect(readStored(localStorage, 'spec-key')).toBe('value');
    localStorage.removeItem('spec-key');
  });

  it('treats missing or refusing storage as empty, and never throws', () => {
    expect(readStored(undefined, 'key')).toBeNull();
    expect(readStored(refusing, 'key')).toBeNull();
    expect(() => writeStored(refusing, 'key', 'value')).not.toThrow();
    expect(() => writeStored(undefined, 'key', 'value')).not.toThrow();
  });
});
