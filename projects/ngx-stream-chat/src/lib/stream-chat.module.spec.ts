import { TestBed } from '@angular/core/testing';
import { STREAM_CHAT_CONFIG, StreamChatModule } from 'ngx-stream-chat';

describe('StreamChatModule', () => {
  it('forRoot provides the given config', () => {
    const config = { apiKey: 'key' };
    TestBed.configureTestingModule({ imports: [StreamChatModule.forRoot(config)] });

    expect(TestBed.inject(STREAM_CHAT_CONFIG)).toBe(config);
  });

  it('can be imported without forRoot and uses the default config', () => {
    TestBed.configureTestingModule({ imports: [StreamChatModule] });

    expect(TestBed.inject(STREAM_CHAT_CONFIG)).toEqual({});
  });

  it('forRoot twice throws the duplicate-root error', () => {
    TestBed.configureTestingModule({
      imports: [
        StreamChatModule.forRoot({ apiKey: 'a' }),
        StreamChatModule.forRoot({ apiKey: 'b' }),
      ],
    });

    expect(() => TestBed.inject(STREAM_CHAT_CONFIG)).toThrow(/provided more than once/);
  });
});
