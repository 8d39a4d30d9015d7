import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';
import { loadConfig } from '../../app/config.js';
import { buildAppPackage, ManifestValidationError, PackageOptionsError } from '../../manifest/build-package.js';
import { deriveTeamsAppId, runPackageCommand } from '../../manifest/package-command.js';
import { MANIFEST_SCHEMA_URL, schemaProblems } from '../../manifest/schema-validation.js';

const BOT = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const APP = '0b7c9d10-1e2f-4a3b-9c4d-5e6f7a8b9c0d';
const SSO = '2d4f6a8c-0e1b-4c3d-8e5f-7a9b1c3d5e7f';
const TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const HOST = 'digipuls.fjordvik.kommune.no';
const TEMPLATE_DIR = path.join(import.meta.dirname, '..', '..', 'manifest');

/** Every entry of a zip, read with yauzl. */
async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, z) => (error || !z ? reject(error) : resolve(z))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) =>
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
        stream.on('error', reject);
      }),
    );
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return files;
}

const json = (buffer: Buffer | undefined) => JSON.parse(buffer!.toString('utf8'));

describe('Teams app package', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'digipuls-package-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  /** A copy of the real template folder, changed by `edit`, for tests of broken templates. */
  async function brokenTemplate(name: string, edit: (manifest: Record<string, any>) => void): Promise<string> {
    const copy = path.join(dir, name);
    await cp(TEMPLATE_DIR, copy, { recursive: true });
    const file = path.join(copy, 'manifest.template.json');
    const manifest = JSON.parse(await readFile(file, 'utf8'));
    edit(manifest);
    await writeFile(file, JSON.stringify(manifest));
    return copy;
  }

  const build = (options: Partial<Parameters<typeof buildAppPackage>[0]> = {}) =>
    buildAppPackage({ teamsAppId: APP, botId: BOT, ssoClientId: SSO, publicUrl: `https://${HOST}`, outFile: path.join(dir, 'app.zip'), ...options });

  it('builds a zip whose manifest is valid v1.30 with this deployment filled in, without going to the network', async () => {
    const realFetch = globalThis.fetch;
    let fetches = 0;
    globalThis.fetch = async () => {
      fetches++;
      throw new Error('no network in this test');
    };
    let outFile: string;
    try {
      ({ outFile } = await build({ publicUrl: `https://${HOST}/`, version: '1.2.3' }));
    } finally {
      globalThis.fetch = realFetch;
    }
    assert.equal(fetches, 0);

    const files = await unzip(outFile);
    assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'nb.json', 'nn.json', 'outline.png', 'sv.json']);
    const manifest = json(files.get('manifest.json'));
    assert.deepEqual(await schemaProblems(manifest, 'manifest.json', MANIFEST_SCHEMA_URL), []);
    assert.equal(manifest.$schema, 'https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json');
    assert.equal(manifest.manifestVersion, '1.30');
    assert.equal(manifest.version, '1.2.3');
    assert.equal(manifest.id, APP);
    assert.equal(manifest.bots[0].botId, BOT);
    assert.deepEqual(manifest.bots[0].scopes, ['personal']);
    assert.equal(manifest.staticTabs[0].contentUrl, `https://${HOST}/tab/`);
    assert.equal(manifest.configurableTabs[0].configurationUrl, `https://${HOST}/tab/config`);
    assert.equal(manifest.developer.privacyUrl, `https://${HOST}/privacy`);
    assert.equal(manifest.developer.termsOfUseUrl, `https://${HOST}/terms`);
    assert.deepEqual(manifest.validDomains, [HOST]);
    assert.deepEqual(manifest.webApplicationInfo, { id: SSO, resource: `api://${HOST}/${SSO}` });
    assert.deepEqual(manifest.authorization.permissions.resourceSpecific, [{ name: 'ChatMessageReadReceipt.Read.Chat', type: 'Application' }]);
    assert.doesNotMatch(files.get('manifest.json')!.toString(), /\{\{/, 'no placeholder is left');
  });

  it('speaks nb, nn and sv: localized names and bot commands a person can type', async () => {
    const files = await unzip((await build()).outFile);
    const manifest = json(files.get('manifest.json'));
    assert.equal(manifest.localizationInfo.defaultLanguageTag, 'en');
    assert.deepEqual(manifest.localizationInfo.additionalLanguages.map((l: { languageTag: string }) => l.languageTag), ['nb', 'nn', 'sv']);
    const titles = (lang: string) => {
      const file = json(files.get(`${lang}.json`));
      return Object.keys(file).filter((k) => k.endsWith('.title')).map((k) => file[k]);
    };
    assert.deepEqual(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title), ['help', 'language', 'privacy', 'stop', 'start']);
    assert.deepEqual(titles('nb'), ['hjelp', 'språk', 'personvern', 'stopp', 'start']);
    assert.deepEqual(titles('nn'), ['hjelp', 'språk', 'personvern', 'stopp', 'start']);
    assert.deepEqual(titles('sv'), ['hjälp', 'språk', 'integritet', 'stopp', 'start']);
    assert.match(json(files.get('nb.json'))['description.full'], /uten navn/);
    assert.match(json(files.get('sv.json'))['description.full'], /utan namn/);
  });

  it('packs a 192×192 colour icon and a 32×32 outline icon that is white on transparent', async () => {
    const files = await unzip((await build()).outFile);
    const color = PNG.sync.read(files.get('color.png')!);
    const outline = PNG.sync.read(files.get('outline.png')!);
    assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
    const pixels = [...Array(32 * 32).keys()].map((i) => outline.data.subarray(i * 4, i * 4 + 4));
    assert.equal(pixels[0]![3], 0, 'the corner is transparent');
    assert.ok(pixels.some((p) => p[3] === 255), 'the mark is visible');
    assert.ok(pixels.every((p) => p[3] === 0 || (p[0] === 255 && p[1] === 255 && p[2] === 255)), 'every visible pixel is white');
  });

  it('gives the same bytes for the same inputs, so a rebuilt package is recognisably the same', async () => {
    const first = await readFile((await build({ outFile: path.join(dir, 'one.zip') })).outFile);
    const second = await readFile((await build({ outFile: path.join(dir, 'two.zip') })).outFile);
    assert.ok(first.equals(second));
  });

  it('refuses a template with a wrong manifestVersion type and a bot without botId, naming each path', async () => {
    const templateDir = await brokenTemplate('broken-bot', (m) => {
      m.manifestVersion = 1.3;
      delete m.bots[0].botId;
    });
    const outFile = path.join(dir, 'broken-bot.zip');
    await assert.rejects(build({ templateDir, outFile }), (error: unknown) => {
      assert.ok(error instanceof ManifestValidationError);
      assert.ok(error.problems.includes('manifest.json/manifestVersion: must be string'), error.message);
      assert.ok(error.problems.includes('manifest.json/bots/0/botId: is required'), error.message);
      return true;
    });
    assert.equal(existsSync(outFile), false, 'nothing is written');
  });

  it('refuses an unknown field and a scope Teams does not have', async () => {
    const templateDir = await brokenTemplate('broken-fields', (m) => {
      m.staticTabs[0].scopes = ['everyone'];
      m.colour = '#ff0000';
    });
    await assert.rejects(build({ templateDir }), (error: unknown) => {
      assert.ok(error instanceof ManifestValidationError);
      assert.match(error.message, /manifest\.json\/staticTabs\/0\/scopes\/0: must be one of "team", "personal", "groupChat"/);
      assert.match(error.message, /manifest\.json\/colour: is not allowed/);
      return true;
    });
  });

  it('refuses a command that is not translated, and translations of a command that is gone', async () => {
    const added = await brokenTemplate('broken-added', (m) => {
      m.bots[0].commandLists[0].commands.push({ title: 'report', description: 'Report a problem' });
    });
    await assert.rejects(build({ templateDir: added }), (error: unknown) => {
      assert.ok(error instanceof ManifestValidationError);
      assert.ok(error.problems.includes('nb.json/bots[0].commandLists[0].commands[5].title: is missing (no translation of "report")'), error.message);
      return true;
    });
    const removed = await brokenTemplate('broken-removed', (m) => {
      m.bots[0].commandLists[0].commands.pop();
    });
    await assert.rejects(build({ templateDir: removed }), /sv\.json\/bots\[0\]\.commandLists\[0\]\.commands\[4\]\.title: names nothing in manifest\.json/);
  });

  it('refuses an outline icon of the wrong size with colour in it', async () => {
    const templateDir = await brokenTemplate('bad-icons', () => {});
    const red = new PNG({ width: 40, height: 40 });
    for (let i = 0; i < red.data.length; i += 4) red.data.set([255, 0, 0, i < 800 ? 0 : 255], i);
    await writeFile(path.join(templateDir, 'icons', 'outline.png'), PNG.sync.write(red));
    await assert.rejects(build({ templateDir }), (error: unknown) => {
      assert.ok(error instanceof ManifestValidationError);
      assert.ok(error.problems.includes('outline.png: must be 32×32 pixels, is 40×40'), error.message);
      assert.match(error.message, /outline\.png: must be white on a transparent background/);
      return true;
    });
  });

  it('refuses a bot id that is not a GUID, saying what a GUID looks like', async () => {
    await assert.rejects(build({ botId: 'digipuls-bot' }), (error: unknown) => {
      assert.ok(error instanceof PackageOptionsError);
      assert.match(error.message, /botId must be a GUID such as [0-9a-f-]{36}, got "digipuls-bot"/);
      return true;
    });
  });

  it('refuses plain http for a real host, but allows it for localhost while testing', async () => {
    await assert.rejects(build({ publicUrl: `http://${HOST}` }), /publicUrl must use https: .* got "http:\/\/digipuls\.fjordvik\.kommune\.no"/);
    await assert.rejects(build({ publicUrl: 'http://10.0.0.5:3978' }), PackageOptionsError);
    const { manifest } = await build({ publicUrl: 'http://localhost:3978' });
    assert.deepEqual(manifest.validDomains, ['localhost:3978']);
  });

  describe('digipuls package', () => {
    const env = { MicrosoftAppId: BOT, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT, PUBLIC_URL: `https://${HOST}` };

    it('packages the configured bot under a Teams app id that stays the same for that bot', async () => {
      const out = path.join(dir, 'cli', 'digipuls.zip');
      const written = await runPackageCommand(loadConfig(env), { out, version: '2.0.0' });
      assert.equal(written, out);
      const manifest = json((await unzip(written)).get('manifest.json'));
      // Python's uuid.uuid5(UUID('46d927b3-351e-4a78-a483-492bbde7e96e'), BOT) gives the same id.
      assert.equal(manifest.id, '7381d2d2-914a-5fee-967b-222d24500ae8');
      assert.equal(deriveTeamsAppId(BOT.toUpperCase()), manifest.id);
      assert.equal(manifest.bots[0].botId, BOT);
      assert.equal(manifest.webApplicationInfo.id, BOT, 'without AUTH_CLIENT_ID the bot registration serves SSO too');
      assert.equal(manifest.version, '2.0.0');
    });

    it('uses AUTH_CLIENT_ID for SSO and a given Teams app id', async () => {
      const written = await runPackageCommand(loadConfig({ ...env, AUTH_CLIENT_ID: SSO }), { out: path.join(dir, 'cli', 'sso.zip'), teamsAppId: APP });
      const manifest = json((await unzip(written)).get('manifest.json'));
      assert.equal(manifest.id, APP);
      assert.deepEqual(manifest.webApplicationInfo, { id: SSO, resource: `api://${HOST}/${SSO}` });
    });

    it('names MicrosoftAppId when it is missing or not a GUID', async () => {
      await assert.rejects(runPackageCommand(loadConfig({}), { out: path.join(dir, 'cli', 'none.zip') }), (error: unknown) => {
        assert.ok(error instanceof PackageOptionsError);
        assert.match(error.message, /MicrosoftAppId is not set/);
        return true;
      });
      await assert.rejects(
        runPackageCommand(loadConfig({ ...env, MicrosoftAppId: 'digipuls' }), { out: path.join(dir, 'cli', 'bad.zip') }),
        /MicrosoftAppId must be a GUID such as .*, got "digipuls"/,
      );
    });

    it('names PUBLIC_URL when it is plain http on a real host', async () => {
      await assert.rejects(
        runPackageCommand(loadConfig({ ...env, PUBLIC_URL: `http://${HOST}` }), { out: path.join(dir, 'cli', 'http.zip') }),
        /PUBLIC_URL must use https/,
      );
    });
  });
});
