import type { SimContext } from './context.js';
import type { SimPerson } from './municipality.js';
import { seededGuid } from './random.js';

/** Who has the Digipuls app installed at start: everyone, nobody, or the people listed (ids or UPNs). */
export type AppInstalledFor = 'everyone' | 'nobody' | readonly string[];

/**
 * The Digipuls Teams app in the tenant's org catalog and who has it installed in their personal scope
 * (with it, a 1:1 chat with the bot). Installation ids are Graph's: base64 of `{userId}##{catalogId}`.
 */
export class TeamsAppState {
  /** The app's id in the org catalog (a GUID, from the seed). */
  readonly catalogId: string;
  /** The manifest id, which is the app's client id (as the Digipuls manifest sets it). */
  readonly externalId: string;
  readonly displayName = 'Digipuls';
  /** Whether the tenant's policy lets an app install apps for users. */
  installAllowed: boolean;
  private readonly atStart: 'everyone' | Set<string>;
  private readonly installedThroughGraph = new Set<string>();

  constructor(private readonly ctx: SimContext, seed: string, installedFor: AppInstalledFor = 'everyone', installAllowed = true) {
    this.catalogId = seededGuid(seed, 'teams-app-catalog');
    this.externalId = ctx.app.clientId;
    this.installAllowed = installAllowed;
    if (installedFor === 'everyone') this.atStart = 'everyone';
    else {
      const ids = new Set<string>();
      for (const key of installedFor === 'nobody' ? [] : installedFor) {
        const person = ctx.personById(key);
        if (!person) throw new RangeError(`appInstalledFor: no person '${key}' in the simulated tenant`);
        ids.add(person.id);
      }
      this.atStart = ids;
    }
  }

  isInstalled(person: SimPerson): boolean {
    return this.atStart === 'everyone' || this.atStart.has(person.id) || this.installedThroughGraph.has(person.id);
  }

  /** Installs the app for a person (Graph's POST installedApps); false when it already was. */
  install(person: SimPerson): boolean {
    if (this.isInstalled(person)) return false;
    this.installedThroughGraph.add(person.id);
    return true;
  }

  installationId(person: SimPerson): string {
    return Buffer.from(`${person.id}##${this.catalogId}`).toString('base64');
  }

  /** The person an installation id belongs to, when it is this app's installation for them. */
  personOfInstallation(installationId: string): SimPerson | undefined {
    const match = /^([0-9a-f-]{36})##(.+)$/i.exec(Buffer.from(installationId, 'base64').toString('utf8'));
    if (!match || match[2] !== this.catalogId) return undefined;
    const person = this.ctx.personById(match[1]!);
    return person && this.isInstalled(person) ? person : undefined;
  }

  /** The 1:1 chat between a person and the bot, as Graph names it. */
  chatId(person: SimPerson): string {
    return `19:${person.id}_${this.ctx.app.clientId}@unq.gbl.spaces`;
  }

  /** The person whose chat with the bot this is (known people only; the app id must be the bot's). */
  personOfChat(chatId: string): SimPerson | undefined {
    const match = /^19:([0-9a-f-]{36})_([0-9a-f-]{36})@unq\.gbl\.spaces$/i.exec(chatId);
    if (!match || match[2]!.toLowerCase() !== this.ctx.app.clientId.toLowerCase()) return undefined;
    return this.ctx.personById(match[1]!.toLowerCase());
  }
}
