import { StreamChatError } from 'ngx-stream-chat';
import { describeError } from './demo-error';

describe('describeError', () => {
  it("keeps a StreamChatError's message, which says what to do", () => {
    const error = new StreamChatError('network', 'the server could not be reached; check baseURL.');
    expect(describeError('Could not connect', error)).toEqual({
      title: 'Could not connect',
      detail: 'the server could not be reached; check baseURL.',
    });
  });

  it('shows other errors by their message, or as text', () => {
    expect(describeError('t', new Error('boom')).detail).toBe('boom');
    expect(describeError('t', 'plain').detail).toBe('plain');
  });
});
