import { MethodNameOf, PublicSurfaceOf } from './public-surface';

class Service {
  readonly count = 1;
  optional?: (value: string) => void;
  private secret = 'hidden';
  get label(): string {
    return this.secret;
  }
  greet(name: string): string {
    return `hi ${name}`;
  }
}

/** Whether `A` and `B` are the same type. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('PublicSurfaceOf', () => {
  it('lists public members only, optional ones made required with undefined kept', () => {
    const keys: Same<keyof PublicSurfaceOf<Service>, 'count' | 'optional' | 'label' | 'greet'> =
      true;
    const optional: Same<
      PublicSurfaceOf<Service>['optional'],
      ((value: string) => void) | undefined
    > = true;

    expect([keys, optional]).toEqual([true, true]);
  });

  it('refuses a fake that misses a member or gets a type wrong', () => {
    // @ts-expect-error `optional` is missing.
    const missing: PublicSurfaceOf<Service> = { count: 1, label: '', greet: (name) => name };
    const wrongType: PublicSurfaceOf<Service> = {
      // @ts-expect-error `count` is a number.
      count: 'one',
      optional: undefined,
      label: '',
      greet: (name: string) => name,
    };

    expect([missing.count, wrongType.label]).toEqual([1, '']);
  });
});

describe('MethodNameOf', () => {
  it('names the methods, not the properties (not optional callback properties)', () => {
    const names: Same<MethodNameOf<Service>, 'greet'> = true;

    expect(names).toBe(true);
  });
});
