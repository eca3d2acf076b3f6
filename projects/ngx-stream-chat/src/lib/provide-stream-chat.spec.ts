import { EnvironmentInjector, createEnvironmentInjector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { STREAM_CHAT_CONFIG, provideStreamChat } from 'ngx-stream-chat';

describe('provideStreamChat', () => {
  it('provides the given config', () => {
    const config = { apiKey: 'key', options: { baseURL: 'http://127.0.0.1:3100' } };
    TestBed.configureTestingModule({ providers: [provideStreamChat(config)] });

    expect(TestBed.inject(STREAM_CHAT_CONFIG)).toBe(config);
  });

  it('defaults to an empty config when nothing is provided', () => {
    expect(TestBed.inject(STREAM_CHAT_CONFIG)).toEqual({});
  });

  it('throws a clear error when provided twice in one injector', () => {
    TestBed.configureTestingModule({
      providers: [provideStreamChat({ apiKey: 'a' }), provideStreamChat({ apiKey: 'b' })],
    });

    expect(() => TestBed.inject(STREAM_CHAT_CONFIG)).toThrow(/provided more than once/);
  });

  it('throws a clear error when a child injector provides it again', () => {
    TestBed.configureTestingModule({ providers: [provideStreamChat({ apiKey: 'a' })] });
    const parent = TestBed.inject(EnvironmentInjector);

    expect(() => createEnvironmentInjector([provideStreamChat({ apiKey: 'b' })], parent)).toThrow(
      /provided more than once/,
    );
  });
});
