import { RunningEmulator } from '..';
import { featureRows } from '../../test/bad-input/feature-rows';
import { bodyRows } from '../../test/bad-input/body-rows';
import { idAndSizeRows } from '../../test/bad-input/id-and-size-rows';
import { queryRows } from '../../test/bad-input/query-rows';
import { HttpRow, answerOf } from '../../test/bad-input/rows';
import { socketRows } from '../../test/bad-input/socket-rows';
import { uploadRows } from '../../test/bad-input/upload-rows';
import { emulatorForSpecFile } from '../../test/client-harness';
import { comparableState, connectQuery, rawSocketExchange, sendRaw } from '../../test/raw-requests';

/** Every REST row of the table, in the order of `test/bad-input/`. */
const httpRows: HttpRow[] = [
  ...bodyRows,
  ...idAndSizeRows,
  ...queryRows,
  ...uploadRows,
  ...featureRows,
];

describe('the bad-input table: each refusal is typed, clear and stores nothing', () => {
  let emulator: RunningEmulator;
  emulatorForSpecFile((started) => (emulator = started));

  beforeAll(async () => {
    // general-1 becomes a thread parent, for the thread rows.
    const reply = await sendRaw(emulator, {
      path: '/channels/messaging/general/message',
      body: { message: { id: 'table-reply', text: 'a reply', parent_id: 'general-1' } },
    });
    expect(reply.status).toBe(201);
  });

  it('has at least 60 rows', () => {
    expect(httpRows.length + socketRows.length).toBeGreaterThanOrEqual(60);
  });

  it.each(httpRows.map((row) => ({ ...row, answer: answerOf(row) })))(
    '$name → $answer',
    async (row) => {
      const before = comparableState(emulator);
      const answer = await sendRaw(emulator, row.request);
      if (row.code === undefined) {
        expect(answer.status).toBe(row.status);
      } else {
        expect(answer).toMatchObject({
          status: row.status,
          body: {
            code: row.code,
            StatusCode: row.status,
            message: expect.stringContaining(row.says ?? ''),
          },
        });
      }
      expect(comparableState(emulator)).toEqual(before);
      const healthy = await sendRaw(emulator, {
        path: '/channels',
        body: { filter_conditions: { id: 'general' } },
      });
      expect(healthy).toMatchObject({ status: 200, body: { channels: [expect.anything()] } });
    },
  );

  it.each(socketRows)('WebSocket: $name', async (row) => {
    const before = comparableState(emulator);
    const outcome = await rawSocketExchange(emulator, row.query(emulator), row.frames);
    if (row.errorCode !== undefined) {
      expect(outcome.frames).toEqual([
        {
          error: expect.objectContaining({
            code: row.errorCode,
            message: expect.stringContaining(row.says ?? ''),
          }),
        },
      ]);
    } else {
      expect(outcome.frames[0]).toMatchObject({ type: 'health.check', me: { id: 'alice' } });
    }
    expect(outcome.closeCode).toBe(row.closeCode);
    expect(comparableState(emulator)).toEqual(before);
    const next = await rawSocketExchange(emulator, connectQuery(emulator, 'alice'), [
      JSON.stringify([{ type: 'health.check' }]),
    ]);
    expect(next.frames.map((frame) => frame['type'])).toEqual(['health.check', 'health.check']);
    expect(next.closeCode).toBeUndefined();
  });
});
