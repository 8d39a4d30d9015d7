/**
 * An announcement being written in the tab: what the form holds and how it becomes the body of
 * `POST /announcements`. A language with neither title nor body is left out (staff reading it get the
 * fallback); one with only half of them is a problem to put right.
 */
import { LOCALES, type Locale } from '../i18n';
import { localInputValue } from '../surveys/draft';
import type { AnnouncementAudience, AnnouncementContent, AnnouncementRequest, AnnouncementVersion } from './types';
import { MAX_BODY, MAX_LINKS, MAX_TITLE } from './types';

export interface DraftLink {
  /** Stable while links are added and removed (React key, focus). */
  key: string;
  label: string;
  url: string;
}

export interface DraftVersion {
  title: string;
  body: string;
  links: DraftLink[];
}

export type AudienceKind = 'everyone' | 'units' | 'groups' | 'team';

export interface ComposeDraft {
  versions: Record<Locale, DraftVersion>;
  fallbackLocale: Locale;
  image: { on: boolean; url: string; alt: string };
  audience: { kind: AudienceKind; unitIds: string[]; groups: Array<{ id: string; displayName: string }>; teamId: string };
  send: { start: 'now' | 'at'; at: string };
  requiresAcknowledgement: boolean;
}

let counter = 0;
export const newLink = (): DraftLink => ({ key: `l${++counter}`, label: '', url: '' });

const blankVersion = (): DraftVersion => ({ title: '', body: '', links: [] });

/** An empty announcement in the writer's language, sent now to everyone; a time to send tomorrow is ready if wanted. */
export function emptyCompose(primary: Locale, now = new Date()): ComposeDraft {
  return {
    versions: Object.fromEntries(LOCALES.map((l) => [l, blankVersion()])) as Record<Locale, DraftVersion>,
    fallbackLocale: primary,
    image: { on: false, url: '', alt: '' },
    audience: { kind: 'everyone', unitIds: [], groups: [], teamId: '' },
    send: { start: 'now', at: localInputValue(new Date(now.getTime() + 86_400_000)) },
    requiresAcknowledgement: false,
  };
}

const isBlankLink = (link: DraftLink) => !link.label.trim() && !link.url.trim();

/** A version counts as written once it has a title or a body. */
export const isWritten = (version: DraftVersion) => Boolean(version.title.trim() || version.body.trim());
export const writtenLocales = (draft: ComposeDraft) => LOCALES.filter((l) => isWritten(draft.versions[l]));

function toVersion(version: DraftVersion): AnnouncementVersion {
  return {
    title: version.title.trim(),
    body: version.body.trim(),
    links: version.links.filter((link) => !isBlankLink(link)).map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
  };
}

export function toContent(draft: ComposeDraft): AnnouncementContent {
  return {
    versions: Object.fromEntries(writtenLocales(draft).map((l) => [l, toVersion(draft.versions[l])])),
    fallbackLocale: draft.fallbackLocale,
    image: draft.image.on ? { url: draft.image.url.trim(), alt: draft.image.alt.trim() } : null,
  };
}

export function toAudience(draft: ComposeDraft): AnnouncementAudience {
  const a = draft.audience;
  if (a.kind === 'units') return { kind: 'units', unitIds: a.unitIds };
  if (a.kind === 'groups') return { kind: 'groups', groupIds: a.groups.map((g) => g.id) };
  if (a.kind === 'team') return { kind: 'team', teamId: a.teamId.trim() };
  return { kind: 'everyone' };
}

export function toRequest(draft: ComposeDraft): AnnouncementRequest {
  return {
    content: toContent(draft),
    audience: toAudience(draft),
    sendAt: draft.send.start === 'now' ? null : new Date(draft.send.at).toISOString(),
    requiresAcknowledgement: draft.requiresAcknowledgement,
  };
}

/**
 * Something to put right: the id of the field it belongs to (for the message's place and for focus),
 * and either a message key of the tab's or the API's own words.
 */
export interface ComposeProblem {
  field: string;
  /** The language tab the field is on, so it can be opened before focusing. */
  locale?: Locale;
  key?: string;
  values?: Record<string, unknown>;
  message?: string;
}

/** Field ids, shared by the form (ids of inputs) and the problems that point at them. */
export const fieldId = {
  title: (l: Locale) => `announcement-${l}-title`,
  body: (l: Locale) => `announcement-${l}-body`,
  linkLabel: (l: Locale, i: number) => `announcement-${l}-link-${i}-label`,
  linkUrl: (l: Locale, i: number) => `announcement-${l}-link-${i}-url`,
  links: (l: Locale) => `announcement-${l}-links`,
  versions: 'announcement-versions',
  fallback: 'announcement-fallback',
  imageUrl: 'announcement-image-url',
  imageAlt: 'announcement-image-alt',
  audience: 'announcement-audience',
  teamId: 'announcement-team-id',
  sendAt: 'announcement-send-at',
  form: 'announcement-form',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WEB = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** What the form can tell before asking the server; the server checks everything again. */
export function composeProblems(draft: ComposeDraft, now = new Date()): ComposeProblem[] {
  const problems: ComposeProblem[] = [];
  const written = writtenLocales(draft);
  if (written.length === 0) problems.push({ field: fieldId.title(draft.fallbackLocale), locale: draft.fallbackLocale, key: 'announcements.problems.noVersion' });
  for (const l of written) {
    const v = draft.versions[l];
    if (!v.title.trim()) problems.push({ field: fieldId.title(l), locale: l, key: 'announcements.problems.title' });
    if (v.title.trim().length > MAX_TITLE) problems.push({ field: fieldId.title(l), locale: l, key: 'announcements.problems.titleLong', values: { max: MAX_TITLE } });
    if (!v.body.trim()) problems.push({ field: fieldId.body(l), locale: l, key: 'announcements.problems.body' });
    if (v.body.trim().length > MAX_BODY) problems.push({ field: fieldId.body(l), locale: l, key: 'announcements.problems.bodyLong', values: { max: MAX_BODY } });
    const links = v.links.filter((link) => !isBlankLink(link));
    if (links.length > MAX_LINKS) problems.push({ field: fieldId.links(l), locale: l, key: 'announcements.problems.tooManyLinks', values: { max: MAX_LINKS } });
    v.links.forEach((link, i) => {
      if (isBlankLink(link)) return;
      if (!link.label.trim()) problems.push({ field: fieldId.linkLabel(l, i), locale: l, key: 'announcements.problems.linkLabel', values: { n: i + 1 } });
      if (!WEB.test(link.url.trim())) problems.push({ field: fieldId.linkUrl(l, i), locale: l, key: 'announcements.problems.linkUrl', values: { n: i + 1 } });
    });
  }
  if (written.length > 0 && !written.includes(draft.fallbackLocale)) problems.push({ field: fieldId.fallback, key: 'announcements.problems.fallback' });
  if (draft.image.on) {
    if (!/^https:\/\/\S+$/i.test(draft.image.url.trim())) problems.push({ field: fieldId.imageUrl, key: 'announcements.problems.imageUrl' });
    if (!draft.image.alt.trim()) problems.push({ field: fieldId.imageAlt, key: 'announcements.problems.imageAlt' });
  }
  const a = draft.audience;
  if (a.kind === 'units' && a.unitIds.length === 0) problems.push({ field: fieldId.audience, key: 'announcements.problems.noUnits' });
  if (a.kind === 'groups' && a.groups.length === 0) problems.push({ field: fieldId.audience, key: 'announcements.problems.noGroups' });
  if (a.kind === 'groups' && a.groups.some((g) => !UUID.test(g.id))) problems.push({ field: fieldId.audience, key: 'announcements.problems.groupId' });
  if (a.kind === 'team' && !UUID.test(a.teamId.trim())) problems.push({ field: fieldId.teamId, key: 'announcements.problems.teamId' });
  if (draft.send.start === 'at') {
    const at = new Date(draft.send.at);
    if (Number.isNaN(at.getTime()) || at.getTime() < now.getTime() - 60_000) problems.push({ field: fieldId.sendAt, key: 'announcements.problems.sendAt' });
  }
  return problems;
}

/**
 * Where a problem the API names belongs (`errors[].path`, zod's path joined by dots, as
 * `content.versions.nb.links.0.url`): the field's id, or the form as a whole.
 */
export function fieldOfApiPath(path: string): Pick<ComposeProblem, 'field' | 'locale'> {
  const parts = path.split('.');
  if (parts[0] === 'content') {
    if (parts[1] === 'versions') {
      const l = parts[2] as Locale | undefined;
      if (!l || !(LOCALES as readonly string[]).includes(l)) return { field: fieldId.versions };
      if (parts[3] === 'title') return { field: fieldId.title(l), locale: l };
      if (parts[3] === 'body') return { field: fieldId.body(l), locale: l };
      if (parts[3] === 'links') {
        const i = Number(parts[4]);
        if (!Number.isInteger(i)) return { field: fieldId.links(l), locale: l };
        return { field: parts[5] === 'label' ? fieldId.linkLabel(l, i) : fieldId.linkUrl(l, i), locale: l };
      }
      return { field: fieldId.title(l), locale: l };
    }
    if (parts[1] === 'fallbackLocale') return { field: fieldId.fallback };
    if (parts[1] === 'image') return { field: parts[2] === 'alt' ? fieldId.imageAlt : fieldId.imageUrl };
  }
  if (parts[0] === 'audience') return { field: parts[1] === 'teamId' ? fieldId.teamId : fieldId.audience };
  if (parts[0] === 'sendAt') return { field: fieldId.sendAt };
  return { field: fieldId.form };
}

/**
 * The API's objections, placed beside their fields. Paths are of the body as sent, where link i is
 * the i-th link that was not blank: mapped back to the row in the form.
 */
export function apiProblems(draft: ComposeDraft, errors: ReadonlyArray<{ path: string; message: string }>): ComposeProblem[] {
  return errors.map((e) => {
    const place = fieldOfApiPath(e.path);
    const link = /^content\.versions\.(\w+)\.links\.(\d+)/.exec(e.path);
    if (link && place.locale) {
      const rows = draft.versions[place.locale].links;
      const sent = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankLink(row));
      const index = sent[Number(link[2])]?.index;
      if (index !== undefined) return { ...place, field: place.field.replace(/-link-\d+-/, `-link-${index}-`), message: e.message };
    }
    return { ...place, message: e.message };
  });
}
