import { TypingEvents, TypingReporter, isSendKey } from './typing-reporter';

function recorder() {
  const calls: unknown[][] = [];
  const answer = () => Promise.resolve();
  const events: TypingEvents = {
    typingStarted: (...args: unknown[]) => (calls.push(['started', ...args]), answer()),
    typingStopped: (...args: unknown[]) => (calls.push(['stopped', ...args]), answer()),
  };
  return { calls, events };
}

describe('TypingReporter', () => {
  it('starts on text, stops once when emptied or left, and only after a start', () => {
    const { calls, events } = recorder();
    const reporter = new TypingReporter(events);
    reporter.stopped();
    expect(calls).toEqual([]);
    reporter.changed('H');
    reporter.changed('Hi');
    reporter.changed('  ');
    reporter.stopped();
    expect(calls).toEqual([['started'], ['started'], ['stopped']]);
  });

  it('names the thread when it has a parent message', () => {
    const { calls, events } = recorder();
    const reporter = new TypingReporter(events, () => 'parent-1');
    reporter.changed('Hi');
    reporter.stopped();
    expect(calls).toEqual([
      ['started', 'parent-1'],
      ['stopped', 'parent-1'],
    ]);
  });

  it('handles the failure of every event (no unhandled rejection)', () => {
    const answers: Promise<void>[] = [];
    const failing = () => {
      const answer = Promise.reject(new Error('offline'));
      answers.push(answer);
      return answer;
    };
    const events: TypingEvents = { typingStarted: failing, typingStopped: failing };
    const handled = jest.spyOn(Promise.prototype, 'catch');
    try {
      const reporter = new TypingReporter(events);
      reporter.changed('Hi');
      reporter.stopped();
      expect(answers).toHaveLength(2);
      for (const answer of answers) {
        expect(handled.mock.contexts).toContain(answer);
      }
    } finally {
      handled.mockRestore();
    }
  });
});

describe('isSendKey', () => {
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

  it('is Enter alone, not Shift+Enter, another key or Enter while composing', () => {
    expect(isSendKey(key({ key: 'Enter' }))).toBe(true);
    expect(isSendKey(key({ key: 'Enter', shiftKey: true }))).toBe(false);
    expect(isSendKey(key({ key: 'a' }))).toBe(false);
    expect(isSendKey(key({ key: 'Enter', isComposing: true }))).toBe(false);
  });
});
