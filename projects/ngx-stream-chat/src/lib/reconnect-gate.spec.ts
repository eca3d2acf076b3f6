import { StableWSConnection, StreamChat } from 'stream-chat';
import { gateReconnects } from './reconnect-gate';

describe('gateReconnects', () => {
  let connection: StableWSConnection;

  beforeEach(() => {
    connection = new StableWSConnection({ client: new StreamChat('key') });
  });
  afterEach(() => connection.disconnect(0));

  it("hands every one of the client's reconnect requests on, and starts none of its loops", async () => {
    const requests: number[] = [];
    gateReconnects(connection, () => requests.push(requests.length));

    await connection._reconnect();
    await connection._reconnect({ refreshToken: true });
    connection.onlineStatusChanged(new Event('online'));

    expect(requests).toEqual([0, 1, 2]);
    expect(connection.isConnecting).toBe(false);
    expect(connection.ws).toBeUndefined();
  });

  it('ignores requests once closed, for good, and a second gate replaces the first', async () => {
    const first: string[] = [];
    const second: string[] = [];
    const gate = gateReconnects(connection, () => first.push('first'));
    gateReconnects(connection, () => second.push('second'));
    await connection._reconnect();
    expect([first, second]).toEqual([[], ['second']]);

    gate.close();
    const last = gateReconnects(connection, () => second.push('again'));
    last.close();
    await connection._reconnect();

    expect(second).toEqual(['second']);
    expect(connection.ws).toBeUndefined();
  });
});
