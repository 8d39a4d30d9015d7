import type { AnnouncementAudience } from '../../core/announcement.js';
import type { DirectoryRepository } from '../../core/directory.js';
import { badRequest } from '../../core/errors.js';
import type { SurveyStore } from '../../core/survey-store.js';
import { groupMemberIds } from '../../graph/groups.js';
import type { Config } from '../config.js';
import { canSyncDirectory } from '../directory-sync.js';
import { connectGraph } from '../graph-connection.js';

/**
 * The people a survey round or an announcement reaches. Units include their sub-units; groups are read
 * from Entra ID (members of nested groups too) when the round opens or the announcement is sent, so a
 * group's newcomers are included; a Teams team is its Microsoft 365 group. With `check`, only checks
 * that the units and groups exist (when a survey is created) and returns nobody.
 */
export async function resolveAudience(
  config: Config,
  store: Pick<SurveyStore, 'audiencePeople'>,
  directory: DirectoryRepository,
  tenantId: string,
  audience: AnnouncementAudience,
  options: { check?: boolean } = {},
): Promise<Array<{ aadObjectId: string; unitId: string | null }>> {
  switch (audience.kind) {
    case 'everyone':
      return options.check ? [] : store.audiencePeople(tenantId, {});
    case 'units': {
      const known = new Set((await directory.listUnits(tenantId)).map((u) => u.id));
      const unknown = audience.unitIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw badRequest('unknown_unit', `No unit with id ${unknown.join(', ')}`);
      return options.check ? [] : store.audiencePeople(tenantId, { unitIds: audience.unitIds });
    }
    case 'groups':
    case 'team': {
      if (!canSyncDirectory(config)) throw badRequest('groups_unavailable', 'Group and team audiences need Microsoft Graph: set MicrosoftAppTenantId and app credentials');
      const { graph, close } = connectGraph(config);
      try {
        const members = new Set<string>();
        // An unknown group throws UnknownGroupError: a 400 naming the group.
        for (const groupId of audience.kind === 'team' ? [audience.teamId] : audience.groupIds) for (const id of await groupMemberIds(graph, groupId)) members.add(id);
        return options.check ? [] : store.audiencePeople(tenantId, { aadObjectIds: [...members] });
      } finally {
        await close();
      }
    }
  }
}
