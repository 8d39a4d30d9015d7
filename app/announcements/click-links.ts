import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AnnouncementContent } from '../../core/announcement.js';
import { contentUrls } from '../../core/announcement-links.js';
import type { AnnouncementStore } from '../../core/announcement-store.js';

/** Where a click link leads, or why it leads nowhere. */
export type ClickTarget = { url: string; firstClick: boolean } | { error: 'unknown_link' | 'forged_link' };

/** The path click links live under on our server. */
export const CLICK_PATH = '/r';

/**
 * Click links: each link in an announcement, for each person, becomes `{publicUrl}/r/{deliveryKey}/{n}.{signature}`.
 * The delivery key names the delivery without naming the person; `n` is the target's place in the
 * announcement's own list of addresses (so the redirect never sends anyone to an address taken from
 * the request: no open redirect); the signature (HMAC with the tenant's key) makes a forged or altered
 * link fail instead of counting a click for someone else.
 */
export function createClickLinks(store: AnnouncementStore, publicUrl: () => string) {
  const base = () => `${publicUrl().replace(/\/+$/, '')}${CLICK_PATH}`;
  const secrets = new Map<string, Promise<string>>();
  const secretOf = (tenantId: string) => {
    let secret = secrets.get(tenantId);
    if (!secret) {
      secret = store.linkSecret(tenantId);
      secret.catch(() => secrets.delete(tenantId));
      secrets.set(tenantId, secret);
    }
    return secret;
  };
  const sign = (secret: string, deliveryKey: string, index: number) =>
    createHmac('sha256', secret).update(`${deliveryKey}/${index}`).digest('base64url').slice(0, 22);

  /**
   * For one announcement, a function giving each delivery's rewriter: the tenant's key and the
   * announcement's addresses are looked up once, not once per person.
   */
  const rewriters = async (tenantId: string, content: AnnouncementContent): Promise<(deliveryKey: string) => (url: string) => string> => {
    const secret = await secretOf(tenantId);
    const indexes = new Map(contentUrls(content).map((url, index) => [url, index]));
    const root = base();
    return (deliveryKey) => (url) => {
      const index = indexes.get(url);
      return index === undefined ? url : `${root}/${deliveryKey}/${index}.${sign(secret, deliveryKey, index)}`;
    };
  };

  return {
    /** Rewrites an announcement's addresses into its deliveries' click links (addresses it does not know stay as they are). */
    rewriters,

    /** The bot's BotDeps.announcementLinks: a person's links when their card is drawn again after a press. */
    async forPerson(input: { tenantId: string; announcementId: string; aadObjectId: string }): Promise<(url: string) => string> {
      const [deliveryKey, announcement] = await Promise.all([
        store.deliveryKeyOf(input.tenantId, input.announcementId, input.aadObjectId),
        store.get(input.tenantId, input.announcementId),
      ]);
      if (!deliveryKey || !announcement) return (url) => url;
      return (await rewriters(input.tenantId, announcement.content))(deliveryKey);
    },

    /** Checks a click link, counts the click (once per person) and says where it leads. */
    async follow(deliveryKey: string, token: string, at: Date): Promise<ClickTarget> {
      const match = /^(\d{1,3})\.([A-Za-z0-9_-]{22})$/.exec(token);
      if (!match) return { error: 'forged_link' };
      const delivery = await store.deliveryByKey(deliveryKey);
      if (!delivery) return { error: 'unknown_link' };
      const index = Number(match[1]);
      const expected = Buffer.from(sign(await secretOf(delivery.tenantId), deliveryKey, index));
      const given = Buffer.from(match[2]!);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { error: 'forged_link' };
      const url = contentUrls(delivery.content)[index];
      if (!url) return { error: 'forged_link' };
      const firstClick = await store.recordClick({ tenantId: delivery.tenantId, announcementId: delivery.announcementId, aadObjectId: delivery.aadObjectId, at });
      return { url, firstClick };
    },
  };
}

export type ClickLinks = ReturnType<typeof createClickLinks>;
