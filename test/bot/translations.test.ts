import assert from 'node:assert/strict';
import { LOCALES } from '../../core/locale.js';
import { BOT_RESOURCES } from '../../bot/i18n.js';

/** Every key of a nested resource object, as "welcome.title", with its text. */
function entries(resource: Record<string, unknown>, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(resource)) {
    if (typeof value === 'string') found.set(prefix + key, value);
    else for (const [k, v] of entries(value as Record<string, unknown>, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('bot: texts in bokmål, nynorsk, Swedish and English', () => {
  const bokmal = entries(BOT_RESOURCES.nb);

  for (const locale of LOCALES) {
    it(`${locale} has every text, none empty, with the same placeholders as bokmål`, () => {
      const texts = entries(BOT_RESOURCES[locale]);
      assert.deepEqual([...texts.keys()].sort(), [...bokmal.keys()].sort());
      for (const [key, text] of texts) {
        assert.ok(text.trim().length > 0, `${locale} ${key} is empty`);
        assert.deepEqual(placeholders(text), placeholders(bokmal.get(key)!), `${locale} ${key}`);
      }
    });
  }

  it('uses the glossary words for pulse survey and digital work environment', () => {
    const asks = (locale: keyof typeof BOT_RESOURCES) => entries(BOT_RESOURCES[locale]).get('welcome.asks')!;
    assert.match(asks('nb'), /pulsmålinger om det digitale arbeidsmiljøet/);
    assert.match(asks('nn'), /pulsmålingar om det digitale arbeidsmiljøet/);
    assert.match(asks('sv'), /pulsmätningar om den digitala arbetsmiljön/);
    assert.match(asks('en'), /pulse surveys about the digital work environment/i);
  });
});
