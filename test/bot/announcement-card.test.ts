import assert from 'node:assert/strict';
import { ACKNOWLEDGE_VERB, MAX_BODY, MAX_LINKS, MAX_TITLE, deliveryMarker, type AnnouncementContent } from '../../core/announcement.js';
import { LOCALES, type Locale } from '../../core/locale.js';
import { asAttachment } from '../../bot/cards/adaptive-card.js';
import { announcementCard, cardBytes, TEAMS_MESSAGE_LIMIT_BYTES } from '../../bot/cards/announcement-card.js';
import { allParts, buttonsOf } from './survey-helpers.js';
import { bokmalOnly, fourLanguages } from './announcement-helpers.js';

const id = '3f0c8f0e-6a43-4f5e-9d2b-1c7a5e9b8d10';
const texts = (card: unknown) => allParts(card).filter((p) => p.type === 'TextBlock').map((p) => String(p.text));
const outer = (card: { body: unknown[] }) => card.body[0] as { type: string; id: string; items: Array<Record<string, unknown>> };

/** What the card says in each language, besides the communicator's own text. */
const CHROME: Record<Locale, { recorded: RegExp; button: string; acknowledged: string; reminder: RegExp }> = {
  nb: { recorded: /krever at du bekrefter lest.*registreres det med navnet ditt/, button: 'Bekreft lest', acknowledged: 'Bekreftet lest ✓ 14. mars 2025', reminder: /^Påminnelse: Du har ikke åpnet denne kunngjøringen/ },
  nn: { recorded: /krev at du stadfestar.*registrert med namnet ditt/, button: 'Stadfest lese', acknowledged: 'Stadfest lese ✓ 14. mars 2025', reminder: /^Påminning: Du har ikkje opna denne kunngjeringa/ },
  sv: { recorded: /kräver att du bekräftar läst.*registreras det med ditt namn/, button: 'Bekräfta läst', acknowledged: 'Bekräftat läst ✓ 14 mars 2025', reminder: /^Påminnelse: Du har inte öppnat det här meddelandet/ },
  en: { recorded: /asks you to acknowledge it.*recorded with your name/, button: 'Acknowledge', acknowledged: 'Acknowledged ✓ 14 March 2025', reminder: /^Reminder: you have not opened this announcement/ },
};

describe('bot: the announcement card as staff see it', () => {
  for (const locale of LOCALES) {
    it(`${locale}: the person's version, the delivery marker, the image with its text, the body as written and one button per link`, () => {
      const version = fourLanguages.versions[locale]!;
      const linkUrls = version.links.map((_, i) => `https://digipuls.example.no/r/${id}/${i}`);
      const card = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: false, linkUrls }, locale);
      assert.equal(card.version, '1.5');
      assert.equal(card.lang, locale);
      assert.equal(card.fallbackText, version.title);
      assert.equal(card.body.length, 1, 'one outer container holds everything');
      assert.equal(outer(card).type, 'Container');
      assert.equal(outer(card).id, deliveryMarker(id));
      const [title, image, body] = outer(card).items as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];
      assert.deepEqual([title.text, title.style, title.wrap], [version.title, 'heading', true]);
      assert.deepEqual([image.type, image.url, image.altText], ['Image', fourLanguages.image!.url, fourLanguages.image!.alt]);
      assert.deepEqual([body.type, body.text, body.wrap], ['TextBlock', version.body, true]);
      assert.deepEqual(
        buttonsOf(card).map((b) => [b.type, b.title, b.url]),
        version.links.map((link, i) => ['Action.OpenUrl', link.label, linkUrls[i]]),
      );
      assert.ok(!texts(card).some((text) => CHROME[locale].recorded.test(text)), 'no word about names when none is recorded');
      assert.ok(!allParts(card).some((p) => p.type === 'Action.Execute'));
    });

    it(`${locale}: asking for an acknowledgement says up front that it is recorded by name, with a button and its Submit fallback`, () => {
      const card = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: true }, locale);
      const items = outer(card).items;
      const recorded = items.findIndex((item) => CHROME[locale].recorded.test(String(item.text)));
      const body = items.findIndex((item) => item.text === fourLanguages.versions[locale]!.body);
      assert.ok(recorded > 0 && recorded < body, 'the line comes before the announcement text');
      const [acknowledge, ...links] = buttonsOf(card);
      assert.deepEqual(
        { type: acknowledge!.type, title: acknowledge!.title, verb: acknowledge!.verb, data: acknowledge!.data, style: acknowledge!.style },
        { type: 'Action.Execute', title: CHROME[locale].button, verb: ACKNOWLEDGE_VERB, data: { announcementId: id }, style: 'positive' },
      );
      assert.deepEqual(acknowledge!.fallback, { type: 'Action.Submit', title: CHROME[locale].button, data: { announcementId: id, verb: ACKNOWLEDGE_VERB }, style: 'positive' });
      assert.deepEqual(links.map((b) => b.url), fourLanguages.versions[locale]!.links.map((l) => l.url), 'a preview opens the original links');
    });

    it(`${locale}: acknowledged, the button gives way to the day it was acknowledged; the links stay`, () => {
      const card = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: true, acknowledgedAt: new Date('2025-03-14T10:15:00Z') }, locale);
      assert.ok(texts(card).includes(CHROME[locale].acknowledged), texts(card).join(' | '));
      assert.ok(!allParts(card).some((p) => p.type === 'Action.Execute' || p.type === 'Action.Submit'), 'nothing left to press');
      assert.deepEqual(buttonsOf(card).map((b) => b.type), ['Action.OpenUrl', 'Action.OpenUrl']);
      assert.equal(outer(card).id, deliveryMarker(id));
    });

    it(`${locale}: the reminder says so on top`, () => {
      const card = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: true, reminder: true }, locale);
      const [banner, title] = outer(card).items as [{ type: string; items: Array<{ text: string }> }, { text: string }];
      assert.equal(banner.type, 'Container');
      assert.match(banner.items[0]!.text, CHROME[locale].reminder);
      assert.equal(title.text, fourLanguages.versions[locale]!.title);
      assert.match(card.fallbackText!, CHROME[locale].reminder);
      assert.equal(buttonsOf(card)[0]!.verb, ACKNOWLEDGE_VERB, 'a reminder can still be acknowledged');
    });
  }

  it('gives someone without their own version the fallback, with Digipuls’ words in their language', () => {
    const card = announcementCard({ announcementId: id, content: bokmalOnly, requiresAcknowledgement: true }, 'sv');
    assert.equal(outer(card).items[0]!.text, bokmalOnly.versions.nb!.title);
    assert.match(String(outer(card).items[1]!.text), CHROME.sv.recorded);
    assert.equal(buttonsOf(card)[0]!.title, 'Bekräfta läst');
  });

  it('shows the day of the acknowledgement in the tenant’s time zone', () => {
    const late = new Date('2025-03-14T23:30:00Z'); // 15 March in Oslo, still 14 March in London
    const oslo = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: true, acknowledgedAt: late }, 'en');
    const london = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: true, acknowledgedAt: late, timeZone: 'Europe/London' }, 'en');
    assert.ok(texts(oslo).includes('Acknowledged ✓ 15 March 2025'));
    assert.ok(texts(london).includes('Acknowledged ✓ 14 March 2025'));
  });

  it('never shows an acknowledgement on an announcement that asks for none', () => {
    const card = announcementCard({ announcementId: id, content: fourLanguages, requiresAcknowledgement: false, acknowledgedAt: new Date('2025-03-14T10:00:00Z') }, 'nb');
    assert.ok(!texts(card).some((text) => text.includes('✓')));
  });

  it('rewrites the links in the body for click counting, keeping their text, and leaves the rest as written', () => {
    const content: AnnouncementContent = {
      versions: { nb: { title: 'Lenker', body: 'Se [planen](https://a.example/plan) og [svar](https://a.example/faq?x=1&y=2). Ikke en lenke: [tekst] (https://b.example).', links: [] } },
      fallbackLocale: 'nb',
      image: null,
    };
    const card = announcementCard({ announcementId: id, content, requiresAcknowledgement: false, bodyLinkRewrite: (url) => `https://digipuls.example.no/r?to=${encodeURIComponent(url)}` }, 'nb');
    assert.equal(
      outer(card).items[1]!.text,
      'Se [planen](https://digipuls.example.no/r?to=https%3A%2F%2Fa.example%2Fplan) og [svar](https://digipuls.example.no/r?to=https%3A%2F%2Fa.example%2Ffaq%3Fx%3D1%26y%3D2). Ikke en lenke: [tekst] (https://b.example).',
    );
  });

  it('stays under the 28 KB Teams takes with the longest body, title, links and image, in every language', () => {
    const longUrl = (i: number) => `https://intranett.example.no/${'dokumenter/'.repeat(180)}${i}`.slice(0, 2000);
    const version = {
      // Three bytes a character in UTF-8, the worst a normal text gets; quotes and newlines are escaped in JSON.
      title: 'Å'.repeat(MAX_TITLE),
      body: '€ø"\n'.repeat(MAX_BODY / 4),
      links: Array.from({ length: MAX_LINKS }, (_, i) => ({ label: 'Lenke '.repeat(13).slice(0, 80), url: longUrl(i) })),
    };
    const content: AnnouncementContent = {
      versions: { nb: version, nn: version, sv: version, en: version },
      fallbackLocale: 'nb',
      image: { url: longUrl(9), alt: 'æ'.repeat(250) },
    };
    for (const locale of LOCALES) {
      // The sender's click links are a little longer than the originals.
      const linkUrls = version.links.map((l) => `https://digipuls.example.no/api/r/${id}/ab12cd34ef/${encodeURIComponent(l.url)}`.slice(0, 2100));
      for (const variant of [{}, { reminder: true }, { acknowledgedAt: new Date() }]) {
        const card = announcementCard({ announcementId: id, content, requiresAcknowledgement: true, linkUrls, ...variant }, locale);
        // The activity around the card (ids, from, recipient, conversation, channelData) takes about 1 KB.
        const activity = { type: 'message', summary: version.title, attachments: [asAttachment(card)], envelope: 'x'.repeat(1024) };
        const bytes = Buffer.byteLength(JSON.stringify(activity));
        assert.ok(bytes < TEAMS_MESSAGE_LIMIT_BYTES, `${locale} ${JSON.stringify(variant)}: ${bytes} bytes`);
        assert.ok(cardBytes(card) < bytes);
      }
    }
  });
});
