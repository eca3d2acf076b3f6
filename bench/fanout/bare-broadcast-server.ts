/*
 * The reference for the emulator's fan-out: a bare HTTP + `ws` server in its own process.
 * `GET /connect` upgrades to a WebSocket; `POST /message` wraps the posted message in an event,
 * serialises it once and sends it to every open socket, then answers 201 with the message.
 * No auth, no state, no per-recipient fields: the least work a broadcast can do.
 */
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

const sockets = new WebSocketServer({ noServer: true });

const server = createServer((request, response) => {
  if (request.method !== 'POST' || !request.url?.startsWith('/message')) {
    response.writeHead(404).end();
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let message: unknown;
    try {
      message = (JSON.parse(Buffer.concat(chunks).toString()) as { message?: unknown }).message;
    } catch {
      response.writeHead(400).end();
      return;
    }
    const frame = JSON.stringify({
      type: 'message.new',
      message,
      created_at: new Date().toISOString(),
    });
    for (const socket of sockets.clients) {
      socket.send(frame);
    }
    response.writeHead(201, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ message }));
  });
});

server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (ws) => ws.on('error', () => ws.terminate()));
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ ready: true, url: `http://127.0.0.1:${port}` });
});

process.on('disconnect', () => process.exit(0));
