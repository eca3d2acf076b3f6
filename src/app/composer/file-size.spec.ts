import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
  it('writes bytes, kB, MB and GB', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(999)).toBe('999 B');
    expect(formatFileSize(1234)).toBe('1.2 kB');
    expect(formatFileSize(45_600)).toBe('46 kB');
    expect(formatFileSize(3_400_000)).toBe('3.4 MB');
    expect(formatFileSize(2_000_000_000)).toBe('2.0 GB');
  });

  it('writes nothing for a size that is not one', () => {
    expect(formatFileSize(Number.NaN)).toBe('');
    expect(formatFileSize(-1)).toBe('');
  });
});
