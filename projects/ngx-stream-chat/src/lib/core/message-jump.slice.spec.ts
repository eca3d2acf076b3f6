import type { ChatEvent } from '../store/chat-slice';
import { MessageJumpState, reduceMessageJump } from './message-jump.slice';

const none: MessageJumpState = { target: {} };
const jump = (id: string, parentId?: string): ChatEvent => ({
  type: 'ngx.jump.set',
  cid: 'messaging:a',
  id,
  parentId,
});

describe('reduceMessageJump', () => {
  it('sets the target of a jump, with its thread parent', () => {
    expect(reduceMessageJump(none, [jump('m1')]).target).toEqual({ id: 'm1', parentId: undefined });
    expect(reduceMessageJump(none, [jump('r1', 'p1')]).target).toEqual({
      id: 'r1',
      parentId: 'p1',
    });
  });

  it('clears the target on request and when another channel becomes active', () => {
    const jumped = reduceMessageJump(none, [jump('m1')]);
    expect(reduceMessageJump(jumped, [{ type: 'ngx.jump.clear' }]).target).toEqual({});
    expect(
      reduceMessageJump(jumped, [{ type: 'ngx.active.set', cid: 'messaging:b', channel: {} }])
        .target,
    ).toEqual({});
  });

  it('keeps the same state for unrelated events and for clearing nothing', () => {
    const jumped = reduceMessageJump(none, [jump('m1')]);
    expect(reduceMessageJump(jumped, [{ type: 'message.new', cid: 'messaging:a' }])).toBe(jumped);
    expect(reduceMessageJump(none, [{ type: 'ngx.jump.clear' }])).toBe(none);
  });

  it('applies a batch in order', () => {
    expect(reduceMessageJump(none, [jump('m1'), { type: 'ngx.jump.clear' }]).target).toEqual({});
    expect(reduceMessageJump(none, [{ type: 'ngx.jump.clear' }, jump('m2')]).target.id).toBe('m2');
  });
});
