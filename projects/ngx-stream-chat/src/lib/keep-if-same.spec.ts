import { EMPTY_MAPPED_LIST, keepIfSame, mapChanged } from './keep-if-same';

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

describe('mapChanged', () => {
  const a = { id: 'a' };
  const b = { id: 'b' };
  const c = { id: 'c' };
  const mapper = () => {
    const mapped: string[] = [];
    return {
      mapped,
      map: (item: { id: string }) => {
        mapped.push(item.id);
        return { of: item.id };
      },
    };
  };

  it('maps every item of a first list', () => {
    const { mapped, map } = mapper();
    const list = mapChanged(EMPTY_MAPPED_LIST, [a, b], map);
    expect(list.items).toEqual([{ of: 'a' }, { of: 'b' }]);
    expect(list.sources).toEqual([a, b]);
    expect(mapped).toEqual(['a', 'b']);
  });

  it('returns the previous list when the source holds the same items, even as another array', () => {
    const { map } = mapper();
    const source = [a, b];
    const list = mapChanged(EMPTY_MAPPED_LIST, source, map);
    const { mapped, map: mapAgain } = mapper();
    expect(mapChanged(list, [a, b], mapAgain)).toBe(list);
    expect(mapped).toEqual([]);
  });

  it('maps only appended and replaced items, keeping the others', () => {
    const { map } = mapper();
    const source = [a, b];
    const list = mapChanged(EMPTY_MAPPED_LIST, source, map);
    const { mapped, map: mapAgain } = mapper();
    const changed = { id: 'b2' };
    const next = mapChanged(list, [a, changed, c], mapAgain);
    expect(mapped).toEqual(['b2', 'c']);
    expect(next.items[0]).toBe(list.items[0]);
    expect(next.items.map((item) => item.of)).toEqual(['a', 'b2', 'c']);
    expect(next.items).not.toBe(list.items);
  });

  it('sees a change made in place in the source array', () => {
    const { map } = mapper();
    const source = [a, b];
    const list = mapChanged(EMPTY_MAPPED_LIST, source, map);
    source[1] = c;
    const next = mapChanged(list, source, map);
    expect(next.items.map((item) => item.of)).toEqual(['a', 'c']);
    expect(list.items.map((item) => item.of)).toEqual(['a', 'b']);
  });

  it('follows removals and reorders', () => {
    const { map } = mapper();
    const list = mapChanged(EMPTY_MAPPED_LIST, [a, b, c], map);
    expect(mapChanged(list, [a, c], map).items.map((item) => item.of)).toEqual(['a', 'c']);
    expect(mapChanged(list, [c, b, a], map).items.map((item) => item.of)).toEqual(['c', 'b', 'a']);
    expect(mapChanged(list, [], map).items).toEqual([]);
  });
});
