import type { Locale } from './locale.js';
import type { Unit } from './units.js';

/** A person as the directory (Entra ID) knows them: what Digipuls needs to address staff, nothing more. */
export interface DirectoryEntry {
  aadObjectId: string;
  upn: string;
  displayName: string;
  department: string | null;
  officeLocation: string | null;
  preferredLanguage: string | null;
  accountEnabled: boolean;
  /** The unit path app/ resolved with the admin's unit mapping; without it, the department is read as a path. */
  unitPath?: string[];
}

/** A person in Digipuls' directory, with where the bot can reach them. */
export interface Person {
  tenantId: string;
  aadObjectId: string;
  upn: string | null;
  displayName: string | null;
  unitId: string | null;
  /** Chosen in chat ("språk"), else from the directory, else unknown. */
  preferredLocale: Locale | null;
  /** The Bot Framework conversation reference of their 1:1 chat, once the app is installed for them. */
  conversationReference: Record<string, unknown> | null;
  /** True after the person wrote "stopp": no usage tips (nudges) until they write "start". */
  nudgesPaused: boolean;
}

/** What a 1:1 chat tells us about the person when they install the app or write to the bot. */
export interface ChatContact {
  aadObjectId: string;
  displayName?: string | null;
  locale?: Locale | null;
  conversationReference: Record<string, unknown>;
}

/** The port to the directory tables; implemented in store/. */
export interface DirectoryRepository {
  ensureTenant(tenantId: string, name?: string): Promise<void>;
  /** Replaces the tenant's directory with the given entries; units are created from departments. */
  syncDirectory(tenantId: string, entries: readonly DirectoryEntry[]): Promise<{ people: number; units: number }>;
  findPerson(tenantId: string, aadObjectId: string): Promise<Person | undefined>;
  /** Stores (or refreshes) the chat a person can be reached in; creates the person when the directory has not got them yet. */
  saveChatContact(tenantId: string, contact: ChatContact): Promise<Person>;
  setPreferredLocale(tenantId: string, aadObjectId: string, locale: Locale): Promise<void>;
  setNudgesPaused(tenantId: string, aadObjectId: string, paused: boolean): Promise<void>;
  unitOf(tenantId: string, aadObjectId: string): Promise<Unit | undefined>;
  listUnits(tenantId: string): Promise<Unit[]>;
}
