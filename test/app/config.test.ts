import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ConfigError, loadConfig } from '../../app/config.js';

const run = promisify(execFile);

describe('configuration', () => {
  it('starts with sensible defaults when nothing is set', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3978);
    assert.equal(config.host, '127.0.0.1', 'without an app id the server listens on loopback only');
    assert.equal(config.bot.authEnabled, false);
    assert.equal(config.privacy.minGroupSize, 5);
    assert.equal(config.defaultLocale, 'nb');
    assert.equal(config.database.url, undefined);
    assert.equal(config.database.dataDir, './.digipuls');
    assert.equal(config.graph.baseUrl, 'https://graph.microsoft.com');
    assert.deepEqual(config.surveys, { sendRate: 20, dispatchCron: '* * * * *', freeTextRoles: ['AdoptionAdmin', 'SafetyRep', 'UnitLead'] });
    assert.equal(loadConfig({ SURVEY_DISPATCH_CRON: 'off' }).surveys.dispatchCron, null);
    assert.equal(config.nudges.dispatchCron, '*/5 * * * *');
    assert.equal(loadConfig({ NUDGE_DISPATCH_CRON: 'off' }).nudges.dispatchCron, null);
    assert.equal(config.digests.dispatchCron, '*/15 * * * *');
    assert.equal(loadConfig({ DIGEST_DISPATCH_CRON: 'off' }).digests.dispatchCron, null);
    assert.equal(loadConfig({ DIGEST_DISPATCH_CRON: '0 8 * * 1-5' }).digests.dispatchCron, '0 8 * * 1-5');
    assert.equal(config.announcements.maxAttempts, 40);
  });

  it('turns bot token validation on whenever an app id is set', () => {
    const config = loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'b', MicrosoftAppTenantId: 't' });
    assert.equal(config.bot.authEnabled, true);
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.auth.clientId, 'a', 'the bot app registration is the SSO app unless AUTH_CLIENT_ID says otherwise');
  });

  const wrong: Array<[Record<string, string>, RegExp]> = [
    [{ PORT: 'eighty' }, /PORT must be a number/],
    [{ PORT: '70000' }, /PORT/],
    [{ DIGIPULS_MIN_GROUP_SIZE: '2' }, /DIGIPULS_MIN_GROUP_SIZE must be at least 3/],
    [{ DIGIPULS_MIN_GROUP_SIZE: 'five' }, /DIGIPULS_MIN_GROUP_SIZE must be a number/],
    [{ DEFAULT_LOCALE: 'de' }, /DEFAULT_LOCALE must be one of nb, nn, sv, en/],
    [{ DATABASE_URL: 'mysql://localhost/x' }, /DATABASE_URL must start with postgres:\/\//],
    [{ GRAPH_BASE_URL: 'not a url' }, /GRAPH_BASE_URL must be an http\(s\) URL/],
    [{ MicrosoftAppId: 'x' }, /MicrosoftAppPassword is required when MicrosoftAppId is set/],
    [{ HOST: '0.0.0.0' }, /HOST 0\.0\.0\.0 is not loopback/],
    [{ ADOPTION_PERIODS: 'D30,D31' }, /ADOPTION_PERIODS.* must be periods among D7, D30, D90, D180/],
    [{ ADOPTION_PERIODS: ' , ' }, /ADOPTION_PERIODS must name at least one period/],
    [{ ADOPTION_USE_OFFICE_LOCATION: 'yes' }, /ADOPTION_USE_OFFICE_LOCATION must be true or false/],
    [{ GRAPH_LOGIN_URL: 'ftp://login' }, /GRAPH_LOGIN_URL must be an http\(s\) URL/],
    [{ TLS_CA_FILE: '/nowhere/ca.pem' }, /TLS_CA_FILE names no readable file/],
    [{ SURVEY_SEND_RATE: '100' }, /SURVEY_SEND_RATE must be at most 50/],
    [{ SURVEY_SEND_RATE: '0' }, /SURVEY_SEND_RATE must be above 0/],
    [{ SURVEY_SEND_RATE: 'fast' }, /SURVEY_SEND_RATE must be a number/],
    [{ ANNOUNCEMENT_SEND_CEILING: '0' }, /ANNOUNCEMENT_SEND_CEILING must be above 0/],
    [{ ANNOUNCEMENT_SEND_CEILING: '5000' }, /ANNOUNCEMENT_SEND_CEILING must be at most 1000/],
    [{ ANNOUNCEMENT_DISPATCH_CRON: 'hourly' }, /ANNOUNCEMENT_DISPATCH_CRON must be a cron expression of five fields/],
    [{ ANNOUNCEMENT_MAX_ATTEMPTS: '0' }, /ANNOUNCEMENT_MAX_ATTEMPTS must be at least 1/],
    [{ ANNOUNCEMENT_MAX_ATTEMPTS: '2.5' }, /ANNOUNCEMENT_MAX_ATTEMPTS must be a whole number/],
    [{ ANNOUNCEMENT_MAX_ATTEMPTS: 'many' }, /ANNOUNCEMENT_MAX_ATTEMPTS must be a whole number/],
    [{ POSTS_ELSEWHERE_REFRESH_CRON: 'half-hourly' }, /POSTS_ELSEWHERE_REFRESH_CRON must be a cron expression of five fields/],
    [{ NUDGE_DISPATCH_CRON: '5 minutes' }, /NUDGE_DISPATCH_CRON must be a cron expression of five fields/],
    [{ DIGEST_DISPATCH_CRON: 'weekly' }, /DIGEST_DISPATCH_CRON must be a cron expression of five fields/],
    [{ BOT_SERVICE_URL: 'smba' }, /BOT_SERVICE_URL must be an http\(s\) URL/],
    [{ SURVEY_DISPATCH_CRON: 'every minute' }, /SURVEY_DISPATCH_CRON must be a cron expression of five fields/],
    [{ SURVEY_FREE_TEXT_ROLES: 'SafetyRep,Staff' }, /SURVEY_FREE_TEXT_ROLES.* must be roles among Communicator, UnitLead, AdoptionAdmin, SafetyRep/],
    [{ SURVEY_FREE_TEXT_ROLES: 'Everyone' }, /SURVEY_FREE_TEXT_ROLES/],
  ];
  for (const [env, message] of wrong) {
    it(`refuses ${JSON.stringify(env)} naming the setting`, () => {
      assert.throws(() => loadConfig(env), (error: unknown) => error instanceof ConfigError && message.test(error.message));
    });
  }

  it('stops start-up with one line naming the wrong setting', async () => {
    const result = await run(process.execPath, ['--import', 'tsx', 'app/cli.ts', 'serve'], {
      env: { ...process.env, DIGIPULS_MIN_GROUP_SIZE: '1' },
    }).then(
      () => assert.fail('the process should refuse to start'),
      (error: { code: number; stderr: string }) => error,
    );
    assert.equal(result.code, 1);
    const lines = result.stderr.trim().split('\n').filter((l) => !l.includes('ExperimentalWarning'));
    assert.equal(lines.length, 1, result.stderr);
    assert.match(lines[0]!, /^digipuls: Invalid configuration: DIGIPULS_MIN_GROUP_SIZE must be at least 3/);
  });
});
