import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { doorRouter } from './fixtures/door-router.ts';
import { startTestServer } from './harness.ts';

describe('graceful shutdown', () => {
  it('closes open WebSockets with 1012 so clients know to reconnect', async () => {
    const server = await startTestServer();
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/trpc`);
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => socket.once('close', resolve));

    await server.close();

    expect(await closed).toBe(1012);
  });

  it('lets a request in flight finish before the server stops', async () => {
    const server = await startTestServer({ router: doorRouter });
    const inFlight = fetch(`${server.url}/notes/slow/`);
    await new Promise((resolve) => setTimeout(resolve, 100));

    await server.close();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
  });
});
