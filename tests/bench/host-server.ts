/**
 * Server A: the real local host (SQLite temp dir, demo data, every HTTP function mounted),
 * started in its own process so the load generator does not share its event loop.
 */
import { startTestHost, type TestHost } from '../support/local-host';
import { isParentMessage, tellParent } from './protocol';

let testHost: TestHost | null = null;
let stopping = false;

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  try {
    await testHost?.close();
  } finally {
    process.exit(code);
  }
}

process.on('message', (message: unknown) => {
  if (!isParentMessage(message)) return;
  if (message.type === 'stop') void stop(0);
  if (message.type === 'count' && testHost) {
    const row = testHost.local.store.db.prepare('SELECT COUNT(*) AS n FROM requests').get() as { n: number };
    tellParent({ type: 'count', requests: row.n });
  }
});
// The parent went away (crash, Ctrl-C): do not linger, and take the temp dir with us.
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

startTestHost()
  .then((started) => {
    testHost = started;
    tellParent({ type: 'ready', url: started.host.url, dataDir: started.dataDir });
  })
  .catch((error: unknown) => {
    console.error('host-server: could not start the local host:', error);
    void stop(1);
  });
