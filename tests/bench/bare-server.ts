/**
 * Server B, the baseline: a bare `node:http` server that reads the request body and answers
 * every POST with the same pre-serialised JSON (and the same headers) the real host sent for a
 * submit. The response text comes in through the BENCH_BARE_BODY environment variable.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isParentMessage, tellParent } from './protocol';

const text = process.env.BENCH_BARE_BODY;
if (!text) {
  console.error('bare-server: BENCH_BARE_BODY is not set');
  process.exit(1);
}
const body = Buffer.from(text, 'utf8');
const headers = { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' };

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return;
    }
    // Touch the body like the host does before it answers (it parses JSON; we only concatenate).
    Buffer.concat(chunks);
    res.writeHead(200, headers);
    res.end(body);
  });
});

function stop(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}

process.on('message', (message: unknown) => {
  if (isParentMessage(message) && message.type === 'stop') stop();
});
process.on('disconnect', stop);
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  tellParent({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
