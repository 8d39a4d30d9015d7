import type { Migration } from 'kysely/migration';
import * as directory from './0001-directory.js';
import * as adoption from './0002-adoption.js';
import * as surveys from './0003-surveys.js';
import * as announcements from './0004-announcements.js';
import * as readMarks from './0005-read-marks.js';
import * as postsElsewhere from './0006-posts-elsewhere.js';
import * as tenantSendLease from './0007-tenant-send-lease.js';
import * as nudges from './0008-nudges.js';
import * as digests from './0009-digests.js';

/**
 * Every migration, in order. Forward-only: a released migration is never edited or removed; a change
 * is a new file. Listed statically so the compiled server needs no file-system scan.
 */
export const migrations: Record<string, Migration> = {
  '0001-directory': directory,
  '0002-adoption': adoption,
  '0003-surveys': surveys,
  '0004-announcements': announcements,
  '0005-read-marks': readMarks,
  '0006-posts-elsewhere': postsElsewhere,
  '0007-tenant-send-lease': tenantSendLease,
  '0008-nudges': nudges,
  '0009-digests': digests,
};
