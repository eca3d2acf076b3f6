import type { Channel } from 'stream-chat';
import type { ChatMessage } from '../chat-message';
import type { ChatEvent } from '../store/chat-slice';
import { MessageActionsState, reduceMessageActions } from './message-actions.slice';

const quoteOf = (id: string, cid = 'messaging:a') => ({ id, cid }) as ChatMessage;
const setQuote = (message: ChatMessage | undefined): ChatEvent => ({
  type: 'ngx.quote.set',
  cid: message?.cid,
  message,
});
const activate = (cid: string | undefined): ChatEvent => ({
  type: 'ngx.active.set',
  cid,
  channel: cid ? ({ cid } as Channel) : undefined,
});

describe('reduceMessageActions', () => {
  const empty: MessageActionsState = { quote: undefined };

  it('sets and clears the quote', () => {
    const quote = quoteOf('q1');

    const quoted = reduceMessageActions(empty, [setQuote(quote)]);
    const cleared = reduceMessageActions(quoted, [setQuote(undefined)]);

    expect(quoted.quote).toBe(quote);
    expect(cleared.quote).toBeUndefined();
  });

  it('returns the same state when nothing changes', () => {
    const quote = quoteOf('q1');
    const quoted = reduceMessageActions(empty, [setQuote(quote)]);

    expect(reduceMessageActions(quoted, [setQuote(quote)])).toBe(quoted);
    expect(reduceMessageActions(quoted, [{ type: 'message.new', cid: 'messaging:a' }])).toBe(
      quoted,
    );
    expect(reduceMessageActions(quoted, [activate('messaging:a')])).toBe(quoted);
    expect(reduceMessageActions(empty, [activate('messaging:b')])).toBe(empty);
  });

  it('clears the quote when another channel, or none, becomes active', () => {
    const quoted = reduceMessageActions(empty, [setQuote(quoteOf('q1'))]);

    expect(reduceMessageActions(quoted, [activate('messaging:b')]).quote).toBeUndefined();
    expect(reduceMessageActions(quoted, [activate(undefined)]).quote).toBeUndefined();
  });

  it('applies a batch in order', () => {
    const first = quoteOf('q1');
    const second = quoteOf('q2', 'messaging:b');

    expect(reduceMessageActions(empty, [setQuote(first), activate('messaging:b')]).quote).toBe(
      undefined,
    );
    expect(reduceMessageActions(empty, [activate('messaging:b'), setQuote(second)]).quote).toBe(
      second,
    );
  });
});
