import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** A line's value from what the demo printed, e.g. `Tenant id:      …`. */
const printed = (out: string, pattern: RegExp) => {
  const match = pattern.exec(out);
  assert.ok(match, `the demo prints ${pattern}`);
  return match[1]!;
};

/**
 * Signs in as a demo person the way the tab does: the simulator's sign-in page (authorization code
 * with PKCE), choosing the person, then the code for a token. Ids and addresses as the demo printed them.
 */
async function signIn(out: string, upn: string): Promise<string> {
  const simUrl = printed(out, /Tenant simulator: .* at (http:\/\/\S+)/);
  const tenantId = printed(out, /Tenant id: +(\S+)/);
  const clientId = printed(out, /App client id: +(\S+)/);
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1/tab/';
  const form = (fields: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const chosen = await fetch(`${simUrl}/${tenantId}/oauth2/v2.0/authorize`, {
    ...form({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      scope: 'openid profile',
      state: 'demo-test',
      person: upn,
    }),
    redirect: 'manual',
  });
  assert.equal(chosen.status, 302);
  const code = new URL(chosen.headers.get('location')!).searchParams.get('code')!;
  const token = await fetch(`${simUrl}/${tenantId}/oauth2/v2.0/token`, form({ grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: redirectUri, code_verifier: verifier }));
  assert.equal(token.status, 200);
  return ((await token.json()) as { access_token: string }).access_token;
}

interface RoundSummary {
  id: string;
  number: number;
  closedAt: string | null;
  answered: number | null;
}
interface SurveySummary {
  id: string;
  templateId: string;
  status: string;
  rounds: RoundSummary[];
}
interface GroupResults {
  reached: number;
  answered: number;
  responseRate: number;
  questions: Array<{ questionId: string; answered: number; mean?: number }>;
}

describe('npm start (digipuls demo)', function () {
  this.timeout(150_000);
  let child: ChildProcessWithoutNullStreams;
  let dataDir: string;
  let port: number;
  let out = '';

  // How fast it starts is measured by `npm run bench -- startup`, not asserted here.
  before(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'digipuls-demo-'));
    const simPort = await freePort();
    port = await freePort();
    child = spawn(process.execPath, ['dist/app/cli.js', 'demo', '--sim-port', String(simPort), '--staff', '500'], {
      env: { ...process.env, PORT: String(port), DIGIPULS_DATA_DIR: dataDir },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('Press Ctrl+C to stop')) resolve();
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`demo exited with ${code}:\n${out}`)));
    });
  });

  after(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('prints the tab URL, the bot endpoint and the Playground command, and answers /healthz', async () => {
    assert.match(out, new RegExp(`Tab: +http://127\\.0\\.0\\.1:${port}/tab/`));
    assert.match(out, new RegExp(`Bot endpoint: +http://127\\.0\\.0\\.1:${port}/api/messages`));
    assert.match(out, /teams-app-test-tool\/cli\.js start -e http:\/\/127\.0\.0\.1:\d+\/api\/messages -c msteams/);
    assert.match(out, /500 people/);
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
    assert.equal((await fetch(`http://127.0.0.1:${port}/tab/`)).headers.get('content-type'), 'text/html; charset=utf-8');
  });

  it('starts the Playground as Amina Ali of the simulated tenant, with a config in the data folder', async () => {
    const file = printed(out, /M365_AGENTS_PLAYGROUND_CONFIG_PATH=(\S+) TEAMSAPPTESTER_BROWSER=none node /);
    assert.equal(path.dirname(file), dataDir);
    const config = JSON.parse(await readFile(file, 'utf8')) as { tenantId: string; currentUser: { name: string; aadObjectId: string } };
    assert.equal(config.tenantId, printed(out, /Tenant id: +(\S+)/));
    assert.equal(config.currentUser.name, 'Amina Ali');
    assert.match(out, /Answer a survey as Amina Ali/);
    assert.match(out, /Quiet hours .* hold|turned quiet hours off/);
  });

  it('shows the communicator both surveys, and once the history is in, five weekly rounds with results for Helse og omsorg', async () => {
    const token = await signIn(out, 'ingrid.haugland@fjordvik.kommune.no');
    const api = async <T>(route: string): Promise<T> => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1${route}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, `${route}: ${response.status}`);
      return (await response.json()) as T;
    };
    const list = () => api<{ surveys: SurveySummary[] }>('/surveys').then((r) => r.surveys);
    assert.deepEqual((await list()).map((s) => s.templateId).sort(), ['digital-work-environment', 'weekly-pulse']);

    // The history is in when the pulse's fifth round is open (its fourth round's answers come before it).
    let pulse: SurveySummary | undefined;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      pulse = (await list()).find((s) => s.templateId === 'weekly-pulse');
      if (pulse?.rounds.length === 5) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.deepEqual(pulse?.rounds.map((r) => r.number), [1, 2, 3, 4, 5], `the weekly pulse's rounds: ${out.slice(-2000)}`);
    assert.ok(pulse.rounds.slice(0, 4).every((r) => r.closedAt !== null) && pulse.rounds[4]!.closedAt === null, 'four closed rounds and one open');

    const results = await api<{ units: Array<{ unitId: string; path: string[]; results: GroupResults | null }>; followUps: unknown[] }>(
      `/surveys/${pulse.id}/results?round=${pulse.rounds[3]!.id}`,
    );
    const health = results.units.find((u) => u.path.join(' / ') === 'Helse og omsorg');
    assert.ok(health?.results, 'results for Helse og omsorg');
    assert.ok(health.results.responseRate > 0.35 && health.results.responseRate < 0.85, `response rate ${health.results.responseRate}`);
    const information = health.results.questions.find((q) => q.questionId === 'information');
    assert.ok(information?.mean && information.mean > 1.5 && information.mean < 4.5, `information mean ${information?.mean}`);

    const trend = await api<{ points: Array<{ number: number; results: GroupResults | null }> }>(`/surveys/${pulse.id}/trend?unit=${health.unitId}`);
    assert.deepEqual(trend.points.map((p) => p.number), [1, 2, 3, 4, 5]);
    assert.ok(trend.points.slice(0, 4).every((p) => p.results !== null && p.results.answered >= 5), 'every closed round has results');
    const roundTwo = await api<{ followUps: Array<{ text: { nb: string } }> }>(`/surveys/${pulse.id}/results?round=${pulse.rounds[1]!.id}`);
    assert.match(roundTwo.followUps[0]?.text.nb ?? '', /Dere sa/);

    const digital = (await list()).find((s) => s.templateId === 'digital-work-environment')!;
    assert.equal(digital.status, 'open');
    const whole = await api<{ municipality: GroupResults | null }>(`/surveys/${digital.id}/results`);
    assert.ok(whole.municipality && whole.municipality.answered > 100, `answered ${whole.municipality?.answered}`);
  });

  it('sends the demo announcement to everyone after the survey history, and simulated staff read and acknowledge it', async () => {
    const token = await signIn(out, 'ingrid.haugland@fjordvik.kommune.no');
    const api = async <T>(route: string): Promise<T> => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1${route}`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200, `${route}: ${response.status}`);
      return (await response.json()) as T;
    };
    type Reach = { municipality: { targeted: number; delivered: number; read: number; acknowledged: number } | null };
    let reach: Reach['municipality'] = null;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const [announcement] = (await api<{ announcements: Array<{ id: string; title: string }> }>('/announcements')).announcements;
      if (announcement) {
        assert.equal(announcement.title, 'Nytt turnussystem fra 1. januar');
        reach = (await api<Reach>(`/announcements/${announcement.id}/reach`)).municipality;
        if (reach && reach.acknowledged > 0 && reach.read > 0) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    assert.ok(reach && reach.acknowledged > 0 && reach.read > 0, `staff read and acknowledged the demo announcement: ${JSON.stringify(reach)} ${out.slice(-1500)}`);
    assert.ok(reach.targeted >= 490, `it went to everyone: ${reach.targeted}`);
  });

  it('gives the demo unit lead his weekly digest by default, Monday 08:00, as he reads it in the tab', async () => {
    assert.match(out, /Digest: +Lars Bakken \(unit lead\) gets a weekly digest in chat every Monday at 08:00/);
    const token = await signIn(out, 'lars.bakken@fjordvik.kommune.no');
    const response = await fetch(`http://127.0.0.1:${port}/api/v1/me/digest`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { weekday: 1, time: '08:00', enabled: true });
  });

  it('turns tips on and measures a cohort of them sent over two weeks ago: the adoption admin sees the effect and "this helped" per tip', async () => {
    assert.match(out, /Tips: +turned on \(hold-out 10 %, at most 1 a week from 10:00 on workdays\); in the simulator a tip makes starting Teams 15 points likelier/);
    const token = await signIn(out, 'eirik.aune@fjordvik.kommune.no');
    type Effect = {
      cohort: { cohortDay: string; measuredOn: string | null; whole: { nudgedEligible: number; reached: number; estimate: { nudgedShare: number; heldOutShare: number; effect: number; low: number; high: number } | null } | null } | null;
      tips: Array<{ tip: string; answers: number | null; helped: number | null }>;
    };
    const effect = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/nudges/effect`, { headers: { authorization: `Bearer ${token}` } });
      assert.equal(response.status, 200);
      return (await response.json()) as Effect;
    };
    // The tips' history loads after the surveys; simulated staff press under some tips over the next minutes.
    let seen: Effect | undefined;
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      seen = await effect();
      const first = seen.tips.find((t) => t.tip === 'follow-unit-channel');
      if (seen.cohort?.measuredOn && first?.answers !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const cohort = seen?.cohort;
    assert.ok(cohort?.measuredOn, `the cohort was measured: ${JSON.stringify(cohort)} ${out.slice(-1500)}`);
    const days = (Date.parse(cohort.measuredOn) - Date.parse(cohort.cohortDay)) / 86_400_000;
    assert.equal(days, 17, 'measured on the newest reports, 14 days after the cohort and three more');
    const estimate = cohort.whole?.estimate;
    assert.ok(estimate, `the municipality's effect is shown: ${JSON.stringify(cohort.whole)}`);
    assert.ok(cohort.whole!.reached > 0.9 * cohort.whole!.nudgedEligible, 'nearly everyone qualifying in the nudged arm got a tip');
    // 15 points in the simulator, and few start on their own within weeks; the hold-out is drawn afresh each run.
    assert.ok(estimate.nudgedShare >= 0.1, `nudged share ${estimate.nudgedShare}`);
    assert.ok(estimate.low < estimate.effect && estimate.effect < estimate.high);
    const first = seen!.tips.find((t) => t.tip === 'follow-unit-channel')!;
    assert.ok(first.answers !== null && first.answers >= 5 && first.helped !== null, `feedback on the first tip: ${JSON.stringify(first)}`);
  });
});

describe('digipuls demo and sim --nudge-effect', () => {
  for (const [command, value] of [['demo', '1.5'], ['sim', '-0.1'], ['demo', 'abc'], ['sim', '15%']] as const) {
    it(`refuses ${command} --nudge-effect ${value}, saying what a share is, before starting anything`, () => {
      const run = spawnSync(process.execPath, ['dist/app/cli.js', command, '--nudge-effect', value], { encoding: 'utf8', timeout: 20_000 });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /--nudge-effect must be a share from 0 to 1, e\.g\. 0\.15 for 15 points/);
      assert.equal(run.stdout, '');
    });
  }
});
