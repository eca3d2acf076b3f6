import { isStreamChatError } from 'ngx-stream-chat';
import { FakeCallLog, notSimulatedError, serverRefusedError } from './fake-calls';

describe('FakeCallLog', () => {
  it('records calls in order and filters them by service and method', () => {
    const log = new FakeCallLog();

    log.record('ChannelService', 'init', [{}]);
    log.record('ChatClientService', 'init', ['alice', 't']);
    log.record('ChannelService', 'sendMessage', ['hi', undefined, [], undefined]);

    expect(log.all.map((call) => `${call.service}.${call.method}`)).toEqual([
      'ChannelService.init',
      'ChatClientService.init',
      'ChannelService.sendMessage',
    ]);
    expect(log.argsOf('ChatClientService', 'init')).toEqual([['alice', 't']]);
    expect(log.argsOf('ChannelService', 'sendMessage')).toEqual([['hi', undefined, []]]);
    log.clear();
    expect(log.all).toEqual([]);
  });

  it('hands out each failure asked for once, in order, per method', async () => {
    const log = new FakeCallLog();
    const first = serverRefusedError('a');
    const second = serverRefusedError('b');
    log.failNext('ChannelService', 'sendMessage', first);
    log.failNext('ChannelService', 'sendMessage', second);

    expect(await log.settle('ChatClientService', 'sendMessage')).toBeUndefined();
    expect(await log.settle('ChannelService', 'sendMessage')).toBe(first);
    expect(await log.settle('ChannelService', 'sendMessage')).toBe(second);
    expect(await log.settle('ChannelService', 'sendMessage')).toBeUndefined();
  });

  it('holds the next call until released, then settles it', async () => {
    const log = new FakeCallLog();
    const release = log.holdNext('ChannelService', 'init');
    let settled = false;

    const answer = log.settle('ChannelService', 'init').then(() => (settled = true));
    await Promise.resolve();
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await answer;

    expect(settled).toBe(true);
    expect(await log.settle('ChannelService', 'init')).toBeUndefined();
  });

  it('makes typed errors', () => {
    expect(
      isStreamChatError(notSimulatedError('x()', 'use the emulator.'), 'feature-not-provided'),
    ).toBe(true);
    expect(serverRefusedError('x()')).toMatchObject({ kind: 'unknown', status: 500 });
  });
});
