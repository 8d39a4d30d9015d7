import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LOCALES } from '../../core/locale.js';
import { surveyDefinitionSchema } from '../../core/survey.js';

const run = promisify(execFile);

describe('digipuls survey templates', () => {
  it('lists every shipped template with every question and option in nb, nn, sv and en (--json)', async () => {
    const { stdout } = await run(process.execPath, ['dist/app/cli.js', 'survey', 'templates', '--json']);
    const { templates } = JSON.parse(stdout) as { templates: Array<{ id: string; description: Record<string, string>; definition: unknown }> };
    assert.deepEqual(templates.map((t) => t.id), ['digital-work-environment', 'weekly-pulse', 'onboarding-check']);
    for (const template of templates) {
      const definition = surveyDefinitionSchema.parse(template.definition);
      const texts = [definition.title, template.description, ...definition.questions.flatMap((q) => [q.text, ...('options' in q ? q.options.map((o) => o.text) : [])])];
      for (const text of texts) for (const locale of LOCALES) assert.ok(text[locale]?.trim(), `${template.id}: a text lacks ${locale}`);
    }
  });

  it('prints the questions in one chosen language for reading, and refuses a language it does not speak', async () => {
    const { stdout } = await run(process.execPath, ['dist/app/cli.js', 'survey', 'templates', '--locale', 'sv']);
    assert.match(stdout, /digital-work-environment \(once, open 14 days, 9 questions\)/);
    assert.match(stdout, /\[sv\] /);
    assert.doesNotMatch(stdout, /\[nb\] /);
    await assert.rejects(run(process.execPath, ['dist/app/cli.js', 'survey', 'templates', '--locale', 'de']), (error: { stderr: string }) => {
      assert.match(error.stderr, /'--locale <locale>' argument 'de' is invalid\. must be one of nb, nn, sv, en/);
      return true;
    });
  });
});
