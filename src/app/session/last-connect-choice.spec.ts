import { PLATFORM_ID } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import {
  DEFAULT_CHOICE,
  LAST_CONNECT_CHOICE_KEY,
  LastConnectChoice,
  parseRememberedChoice,
} from './last-connect-choice';

describe('LastConnectChoice', () => {
  afterEach(() => {
    localStorage.clear();
    jest.restoreAllMocks();
  });

  it('starts from the defaults, then keeps the last mode, user and lifetime in localStorage', () => {
    const first = TestBed.inject(LastConnectChoice);
    expect(first.get()).toEqual(DEFAULT_CHOICE);
    first.remember({ mode: 'static-token', userId: 'bob', tokenLifetimeSeconds: undefined });
    first.remember({ mode: 'token-provider', userId: 'carol', tokenLifetimeSeconds: 5 });
    first.remember({ mode: 'guest', guestName: 'Sam' });

    const expected = { mode: 'guest', userId: 'carol', tokenLifetimeSeconds: 5 };
    expect(first.get()).toEqual(expected);
    expect(JSON.parse(localStorage.getItem(LAST_CONNECT_CHOICE_KEY)!)).toEqual(expected);
    TestBed.resetTestingModule();
    expect(TestBed.inject(LastConnectChoice).get()).toEqual(expected);
  });

  it('ignores stored fields that are no longer valid', () => {
    expect(parseRememberedChoice('not json')).toEqual(DEFAULT_CHOICE);
    expect(parseRememberedChoice('null')).toEqual(DEFAULT_CHOICE);
    expect(
      parseRememberedChoice(
        JSON.stringify({ mode: 'dev-token', userId: 'mallory', tokenLifetimeSeconds: 0 }),
      ),
    ).toEqual({ ...DEFAULT_CHOICE, mode: 'dev-token' });
  });

  it('remembers in memory when storage throws', () => {
    jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const last = TestBed.inject(LastConnectChoice);
    expect(last.get()).toEqual(DEFAULT_CHOICE);
    last.remember({ mode: 'dev-token', userId: 'bob' });
    expect(last.get()).toEqual({ ...DEFAULT_CHOICE, mode: 'dev-token', userId: 'bob' });
  });

  it('does not touch storage on the server', () => {
    const setItem = jest.spyOn(Storage.prototype, 'setItem');
    TestBed.configureTestingModule({ providers: [{ provide: PLATFORM_ID, useValue: 'server' }] });
    const last = TestBed.inject(LastConnectChoice);
    last.remember({ mode: 'anonymous' });
    expect(last.get().mode).toBe('anonymous');
    expect(setItem).not.toHaveBeenCalled();
  });
});
