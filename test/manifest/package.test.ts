import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import yauzl from 'yauzl';
import { buildAppPackage, ManifestValidationError } from '../../manifest/build-package.js';

const run = promisify(execFile);
const BOT = '6f1a2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const APP = '0b7c9d10-1e2f-4a3b-9c4d-5e6f7a8b9c0d';

async function unzip(file: string): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(file, { lazyEntries: false }, (error, opened) => (error || !opened ? reject(error) : resolve(opened))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => files.set(entry.fileName, Buffer.concat(chunks)));
      });
    });
    zip.on('end', () => setTimeout(resolve, 50));
    zip.on('error', reject);
  });
  return files;
}

describe('Teams app package', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'digipuls-package-'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('builds a zip whose manifest validates against schema v1.30, with the deployment filled in', async () => {
    const outFile = path.join(dir, 'app.zip');
    await buildAppPackage({ teamsAppId: APP, botId: BOT, ssoClientId: BOT, publicUrl: 'https://digipuls.fjordvik.kommune.no', outFile });
    const files = await unzip(outFile);
    assert.deepEqual([...files.keys()].sort(), ['color.png', 'manifest.json', 'nb.json', 'nn.json', 'outline.png', 'sv.json']);
    const manifest = JSON.parse(files.get('manifest.json')!.toString());
    assert.equal(manifest.manifestVersion, '1.30');
    assert.equal(manifest.id, APP);
    assert.equal(manifest.bots[0].botId, BOT);
    assert.equal(manifest.staticTabs[0].contentUrl, 'https://digipuls.fjordvik.kommune.no/tab/');
    assert.equal(manifest.webApplicationInfo.resource, `api://digipuls.fjordvik.kommune.no/${BOT}`);
    assert.deepEqual(manifest.authorization.permissions.resourceSpecific, [{ name: 'ChatMessageReadReceipt.Read.Chat', type: 'Application' }]);
    assert.doesNotMatch(files.get('manifest.json')!.toString(), /\{\{/, 'no placeholder is left');
    assert.equal(JSON.parse(files.get('nb.json')!.toString())['name.full'], 'Digipuls – nådd, adopsjon og digitalt arbeidsmiljø');
    const color = PNG.sync.read(files.get('color.png')!);
    const outline = PNG.sync.read(files.get('outline.png')!);
    assert.deepEqual([color.width, color.height, outline.width, outline.height], [192, 192, 32, 32]);
  });

  it('refuses a broken template, naming the path and the reason', async () => {
    const broken = path.join(dir, 'broken');
    await cp(path.join(import.meta.dirname, '..', '..', 'manifest'), broken, { recursive: true });
    const template = JSON.parse(await readFile(path.join(broken, 'manifest.template.json'), 'utf8'));
    delete template.bots[0].botId;
    template.staticTabs[0].scopes = ['everywhere'];
    await writeFile(path.join(broken, 'manifest.template.json'), JSON.stringify(template));
    await assert.rejects(
      buildAppPackage({ teamsAppId: APP, botId: BOT, ssoClientId: BOT, publicUrl: 'https://x.example', outFile: path.join(dir, 'no.zip'), templateDir: broken }),
      (error: unknown) => {
        assert.ok(error instanceof ManifestValidationError);
        assert.ok(error.problems.some((p) => p.startsWith('manifest.json/bots/0') && p.includes("botId")), error.message);
        assert.ok(error.problems.some((p) => p.startsWith('manifest.json/staticTabs/0/scopes/0')), error.message);
        return true;
      },
    );
  });

  it('refuses icons of the wrong size and a coloured outline icon', async () => {
    const badIcons = path.join(dir, 'bad-icons');
    await cp(path.join(import.meta.dirname, '..', '..', 'manifest'), badIcons, { recursive: true });
    const red = new PNG({ width: 40, height: 40 });
    red.data.fill(0);
    for (let i = 0; i < red.data.length; i += 4) [red.data[i], red.data[i + 3]] = [255, 255];
    await writeFile(path.join(badIcons, 'icons', 'outline.png'), PNG.sync.write(red));
    await assert.rejects(
      buildAppPackage({ teamsAppId: APP, botId: BOT, ssoClientId: BOT, publicUrl: 'https://x.example', outFile: path.join(dir, 'no.zip'), templateDir: badIcons }),
      /outline\.png: must be 32×32 pixels, is 40×40[\s\S]*outline\.png: must be white on a transparent background/,
    );
  });

  it('refuses ids that are not GUIDs and plain http for a real host', async () => {
    await assert.rejects(
      buildAppPackage({ teamsAppId: APP, botId: 'my-bot', ssoClientId: BOT, publicUrl: 'http://digipuls.example', outFile: path.join(dir, 'no.zip') }),
      (error: unknown) => error instanceof ManifestValidationError && /botId: must be a GUID/.test(error.message) && /publicUrl: must be https/.test(error.message),
    );
  });

  it('digipuls package writes the zip for the configured bot, and names MicrosoftAppId when it is missing', async () => {
    const out = path.join(dir, 'cli.zip');
    const env = { ...process.env, MicrosoftAppId: BOT, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: APP, PUBLIC_URL: 'https://digipuls.fjordvik.kommune.no' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'app/cli.ts', 'package', '--out', out], { env });
    assert.match(stdout, /valid against schema v1\.30/);
    assert.ok((await unzip(out)).has('manifest.json'));
    const missing = await run(process.execPath, ['--import', 'tsx', 'app/cli.ts', 'package', '--out', out], { env: { ...process.env, MicrosoftAppId: '' } }).then(
      () => assert.fail('should refuse'),
      (error: { stderr: string; code: number }) => error,
    );
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /needs MicrosoftAppId/);
  });
});
