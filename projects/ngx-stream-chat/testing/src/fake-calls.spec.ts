import { isStreamChatError } from 'ngx-stream-chat';
import { FakeCallLog, notSimulatedError, serverRefusedError } from './fake-calls';

describe('FakeCallLog', () => {
  it('records calls in order and filters them by service and method', () => {
    const log = new FakeCallLog();

    log.record('ChannelService', 'init', [{}]);
    log.record('ChatClientService', 'init', ['alice', 't']);
    log.record('ChannelService', 'sendMessage', ['hi']);

    expect(log.all.map((call) => `${call.service}.${call.method}`)).toEqual([
      'ChannelService.init',
      'ChatClientService.init',
      'ChannelService.sendMessage',
    ]);
    expect(log.argsOf('ChatClientService', 'init')).toEqual([['alice', 't']]);
    log.clear();
    expect(log.all).toEqual([]);
  });

  it('hands out each failure asked for once, in order, per method', () => {
    const log = new FakeCallLog();
    const first = serverRefusedError('a');
    const second = serverRefusedError('b');
    log.failNext('ChannelService', 'sendMessage', first);
    log.failNext('ChannelService', 'sendMessage', second);

    expect(log.takeFailure('ChatClientService', 'sendMessage')).toBeUndefined();
    expect(log.takeFailure('ChannelService', 'sendMessage')).toBe(first);
    expect(log.takeFailure('ChannelService', 'sendMessage')).toBe(second);
    expect(log.takeFailure('ChannelService', 'sendMessage')).toBeUndefined();
  });

  it('makes typed errors', () => {
    expect(
      isStreamChatError(notSimulatedError('x()', 'use the emulator.'), 'feature-not-provided'),
    ).toBe(true);
    expect(serverRefusedError('x()')).toMatchObject({ kind: 'unknown', status: 500 });
  });
});
