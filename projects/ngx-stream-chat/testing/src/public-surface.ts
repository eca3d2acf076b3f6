/**
 * Every public member of `T` (methods, properties, getters and setters), each required and with
 * its own type; private and protected members are left out, as `keyof` leaves them out. A fake
 * class that `implements PublicSurfaceOf<RealService>` is checked member by member against the
 * real service: when the service gains a member, or one changes its type, the fake stops
 * compiling until it follows. Optional members (such as `ChannelService`'s extension points) are
 * required too, typed with `undefined`, so a fake cannot forget them either.
 *
 * @example
 * class FakeChannelService implements PublicSurfaceOf<ChannelService> { ... }
 */
export type PublicSurfaceOf<T> = { [K in keyof Required<T>]: T[K] };

/** The names of `T`'s public methods, such as `'sendMessage'` for `ChannelService`. */
export type MethodNameOf<T> = {
  [K in keyof T]-?: T[K] extends (...args: never[]) => unknown ? K : never;
}[keyof T] &
  string;
