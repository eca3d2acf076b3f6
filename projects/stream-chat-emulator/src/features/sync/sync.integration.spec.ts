import { emulatorForSpecFile } from '../../../test/client-harness';

describe('/sync', () => {
  const pool = emulatorForSpecFile(() => undefined);

  it('refuses a valid sync with code 16 and HTTP 501: the emulator keeps no event history', async () => {
    const alice = await pool.connected('alice');
    const since = new Date(Date.now() - 60_000).toISOString();
    const error = alice.sync(['messaging:general'], since);
    await expect(error).rejects.toMatchObject({ code: 16, status: 501 });
    await expect(error).rejects.toThrow(/keeps no event history/);
  });

  it('refuses malformed requests and syncs older than 30 days with code 4', async () => {
    const alice = await pool.connected('alice');
    await expect(alice.sync([], new Date().toISOString())).rejects.toMatchObject({
      code: 4,
      status: 400,
    });
    await expect(alice.sync(['messaging:general'], 'yesterday')).rejects.toMatchObject({
      code: 4,
    });
    const old = new Date(Date.now() - 31 * 24 * 3_600_000).toISOString();
    await expect(alice.sync(['messaging:general'], old)).rejects.toThrow(/older than 30 days/);
  });
});
