import { keepIfSame } from './keep-if-same';

describe('keepIfSame', () => {
  const a = { id: 1 };
  const b = { id: 2 };

  it('keeps the previous array when it holds the same items in the same order', () => {
    const previous = [a, b];
    expect(keepIfSame(previous, [a, b])).toBe(previous);
    expect(keepIfSame([], [])).toEqual([]);
  });

  it('takes the next array when an item, the order or the length differs', () => {
    const previous = [a, b];
    const reordered = [b, a];
    expect(keepIfSame(previous, reordered)).toBe(reordered);
    const longer = [a, b, a];
    expect(keepIfSame(previous, longer)).toBe(longer);
    const copy = [a, { ...b }];
    expect(keepIfSame(previous, copy)).toBe(copy);
  });
});
