import { LOCALES } from './locale.js';
import type { AnnouncementContent } from './announcement.js';

/** A Markdown link as Adaptive Cards render them: [text](http(s)://…), no nested brackets. */
const MARKDOWN_LINK = /\[([^\][]*)\]\((https?:\/\/[^\s()]+)\)/g;

/** The addresses of the Markdown links in a body, in order. */
export function markdownLinkUrls(body: string): string[] {
  return [...body.matchAll(MARKDOWN_LINK)].map((m) => m[2]!);
}

/** The body with each Markdown link's address replaced (to count clicks), the link texts unchanged. */
export function rewriteMarkdownLinks(body: string, rewrite: (url: string) => string): string {
  return body.replace(MARKDOWN_LINK, (_, text: string, url: string) => `[${text}](${rewrite(url)})`);
}

/**
 * Every distinct address an announcement links to, over all its language versions, in a stable order
 * (language, then link buttons, then body links). A click link names its target by position in this
 * list, so the redirect never takes an address from the request.
 */
export function contentUrls(content: AnnouncementContent): string[] {
  const urls = new Set<string>();
  for (const locale of LOCALES) {
    const version = content.versions[locale];
    if (!version) continue;
    for (const link of version.links) urls.add(link.url);
    for (const url of markdownLinkUrls(version.body)) urls.add(url);
  }
  return [...urls];
}
