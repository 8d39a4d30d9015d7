import { z } from 'zod';
import type { GraphClient } from './graph-client.js';

const settings = z.object({ displayConcealedNames: z.boolean() });
/** Graph has answered both flat and nested under `value` (a collection of one). */
const answer = z.union([settings, z.object({ value: settings }), z.object({ value: z.array(settings).length(1) })]);

/** Whether the tenant conceals user, group and site names in usage reports (`GET /admin/reportSettings`). */
export async function readConcealedNamesSetting(graph: GraphClient): Promise<boolean> {
  const parsed = answer.safeParse(await graph.get('/admin/reportSettings'));
  if (!parsed.success) throw new Error('Graph /admin/reportSettings answered without displayConcealedNames');
  const data = parsed.data;
  if ('displayConcealedNames' in data) return data.displayConcealedNames;
  return Array.isArray(data.value) ? data.value[0]!.displayConcealedNames : data.value.displayConcealedNames;
}
