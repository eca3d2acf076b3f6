import type { Channel } from 'stream-chat';
import { channelActions } from './channel-actions';

function channel(options: {
  capabilities?: string[];
  membership?: Record<string, unknown>;
  muted?: boolean;
  cooldown?: number;
}): Channel & { calls: string[] } {
  const calls: string[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args].join(' '));
      return Promise.resolve({});
    };
  return {
    calls,
    data: { own_capabilities: options.capabilities ?? [], cooldown: options.cooldown },
    state: { membership: options.membership },
    muteStatus: () => ({ muted: options.muted ?? false }),
    mute: record('mute'),
    unmute: record('unmute'),
    pin: record('pin'),
    unpin: record('unpin'),
    archive: record('archive'),
    unarchive: record('unarchive'),
    enableSlowMode: record('enableSlowMode'),
    disableSlowMode: record('disableSlowMode'),
  } as unknown as Channel & { calls: string[] };
}

describe('channelActions', () => {
  it('offers mute, pin and archive to a member, each undoing what is set', async () => {
    const member = channel({
      capabilities: ['mute-channel'],
      membership: { user_id: 'bob', pinned_at: '2024-05-01T10:00:00Z' },
      muted: true,
    });
    const actions = channelActions(member);
    expect(actions.map((a) => a.label)).toEqual([
      'Unmute channel',
      'Unpin channel',
      'Archive channel',
    ]);
    for (const action of actions) await action.run(member);
    expect(member.calls).toEqual(['unmute', 'unpin', 'archive']);
  });

  it('offers slow mode choices to those who may set it, marking the current one', async () => {
    const moderated = channel({ capabilities: ['set-channel-cooldown'], cooldown: 30 });
    const actions = channelActions(moderated);
    expect(actions.map((a) => [a.label, a.checked])).toEqual([
      ['Slow mode off', false],
      ['Slow mode: 10 s', false],
      ['Slow mode: 30 s', true],
      ['Slow mode: 1 min', false],
    ]);
    await actions[0].run(moderated);
    await actions[3].run(moderated);
    expect(moderated.calls).toEqual(['disableSlowMode', 'enableSlowMode 60']);
  });

  it('offers nothing to a visitor without capabilities', () => {
    expect(channelActions(channel({}))).toEqual([]);
  });
});
