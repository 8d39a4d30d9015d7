import assert from 'node:assert/strict';
import http from 'node:http';
import { startSimulator, type Simulator } from '../../sim/index.js';
import { announcementCard, cardActivity } from './announcement-helpers.js';
import { appToken } from './sim-helpers.js';

/** The connector's own cost: the benchmark sends 20,000 cards at 500/s, so it must keep up with well over that. */
describe('simulator: Bot Connector speed', () => {
  let sim: Simulator;
  before(async () => {
    sim = await startSimulator({ staff: 3000, seed: 'speed-test' });
  });
  after(() => sim?.close());

  it('accepts at least 600 cards a second with the limits checked and a bearer token on every call', async function () {
    this.timeout(60_000);
    sim.connector.configure({ tenantPerSecond: 1_000_000 });
    const token = await appToken(sim, 'https://api.botframework.com/.default', 'botframework.com');
    const body = JSON.stringify(cardActivity(announcementCard('speed', { acknowledge: true, links: ['https://example.org/a'] })));
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const url = new URL(sim.url);
    const people = sim.municipality.people;
    const send = (i: number) =>
      new Promise<number>((resolve, reject) => {
        const request = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: `/v3/conversations/${encodeURIComponent(`a:chat-${people[i % people.length]!.id}`)}/activities`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    const total = 3000;
    let next = 0;
    const statuses = new Map<number, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < total) {
          const status = await send(next++);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const rate = total / seconds;
    console.log(`      ${total} cards in ${seconds.toFixed(2)} s: ${Math.round(rate)}/s (client and simulator in one process)`);
    assert.deepEqual([...statuses], [[201, total]]);
    assert.equal(sim.connector.deliveries('speed').size, total);
    assert.ok(sim.connector.activities.every((a) => a.authorization === 'valid'));
    assert.ok(rate >= 600, `${Math.round(rate)} accepted/s`);
  });
});
