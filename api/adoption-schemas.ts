import { z } from 'zod';
import { CHANNELS, DEVICES, REPORT_PERIODS } from '../core/adoption.js';

/** Shapes of the adoption routes, for the OpenAPI document. */
const channelCounts = z.object(Object.fromEntries(CHANNELS.map((c) => [c, z.number().int()])) as Record<(typeof CHANNELS)[number], z.ZodNumber>);
const deviceCounts = z.object(Object.fromEntries(DEVICES.map((d) => [d, z.number().int()])) as Record<(typeof DEVICES)[number], z.ZodNumber>);

export const adoptionSchema = z.object({
  period: z.enum(REPORT_PERIODS),
  reportDate: z.string().nullable().describe('Null until the first ingestion'),
  snapshots: z.array(z.object({ period: z.enum(REPORT_PERIODS), reportDate: z.string(), concealed: z.boolean() })),
  minGroupSize: z.number().int().nullable(),
  concealed: z.boolean().describe('The tenant conceals names in usage reports: only municipality-wide figures'),
  notice: z.object({ code: z.literal('concealed_names'), setting: z.literal('displayConcealedNames') }).nullable(),
  tenant: z.object({ staff: z.number().int(), active: channelCounts, devices: deviceCounts }).nullable(),
  units: z.array(
    z.object({
      id: z.string(),
      parentId: z.string().nullable(),
      name: z.string(),
      path: z.array(z.string()),
      depth: z.number().int(),
      staff: z.number().int().nullable(),
      active: channelCounts.nullable(),
      devices: deviceCounts.nullable(),
      suppressed: z.boolean().describe('Fewer than minGroupSize people, or hidden so such a group cannot be recovered by subtraction'),
    }),
  ),
  communities: z.array(
    z.object({
      kind: z.enum(['teams', 'engage']),
      id: z.string(),
      name: z.string(),
      unitId: z.string().nullable(),
      activeUsers: z.number().int().nullable(),
      members: z.number().int().nullable(),
      posts: z.number().int().nullable(),
      suppressed: z.boolean(),
    }),
  ),
});

export const adoptionTrendSchema = z.object({
  unitId: z.string().nullable(),
  points: z.array(z.object({ reportDate: z.string(), staff: z.number().int().nullable(), active: channelCounts.nullable(), suppressed: z.boolean() })),
});

export const unitMappingSchema = z.object({
  rules: z.array(z.object({ source: z.enum(['department', 'office']), value: z.string(), unitPath: z.array(z.string()) })),
});
