import { OutageLog } from './outage-log';
import { StreamChatError } from './stream-chat-errors';

const network = () => new StreamChatError('network', 'the socket did not open');
const provider = () => new StreamChatError('token-provider-failed', 'the provider failed');

describe('OutageLog', () => {
  let now: number;
  let reports: StreamChatError[];
  let log: OutageLog;

  beforeEach(() => {
    now = 0;
    reports = [];
    log = new OutageLog(
      30_000,
      (error) => reports.push(error),
      () => now,
    );
  });

  it('does not report a short outage with only network failures', () => {
    log.begin();
    log.record(network());
    log.record(network());
    now = 29_999;
    log.check();
    log.recovered();

    expect(reports).toEqual([]);
    expect(log.active).toBe(false);
  });

  it('reports a long outage once, with the count, however often it is checked', () => {
    log.begin();
    log.record(network());
    now = 30_000;
    log.check();
    log.record(provider());
    log.record(network());
    now = 90_000;
    log.check();
    log.recovered();

    expect(reports).toHaveLength(1);
    expect(reports[0].kind).toBe('network');
    expect(reports[0].message).toMatch(/down for 30 s; 1 reconnect attempt\(s\) failed/);
    expect(reports[0].cause).toBeInstanceOf(StreamChatError);
  });

  it('reports a provider failure once when the outage ends, also when it was short', () => {
    log.begin();
    log.record(provider());
    log.record(provider());
    log.record(network());
    now = 5_000;
    log.recovered();

    expect(reports).toHaveLength(1);
    expect(reports[0].kind).toBe('token-provider-failed');
    expect(reports[0].message).toMatch(
      /is back after being down for 5 s; 3 reconnect attempt\(s\) failed \(2 of them because the token provider failed/,
    );
  });

  it('counts each outage on its own', () => {
    log.begin();
    log.record(provider());
    log.recovered();
    log.begin();
    log.begin();
    expect(log.failureCount).toBe(0);
    log.recovered();

    expect(reports).toHaveLength(1);
  });

  it('reports a session the server refused back, also after an ongoing report', () => {
    log.begin();
    log.record(network());
    now = 40_000;
    log.check();
    const refused = new StreamChatError('token-expired', 'expired', { code: 40 });
    log.lost(refused);

    expect(reports.map((error) => error.kind)).toEqual(['network', 'token-expired']);
    expect(reports[1].code).toBe(40);
    expect(reports[1].message).toMatch(/refused to take the session back/);
  });

  it('reports nothing for an outage that was abandoned', () => {
    log.begin();
    log.record(provider());
    log.abandon();
    log.recovered();

    expect(reports).toEqual([]);
  });
});
