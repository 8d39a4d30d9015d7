import { Badge } from '@fluentui/react-components';
import { useReachFormat } from '../../announcements/format';
import type { AnnouncementStatus } from '../../announcements/types';

const COLOR = { scheduled: 'informative', sending: 'warning', sent: 'success', cancelled: 'subtle' } as const;

/** Scheduled, sending, sent or cancelled, in words (the colour only repeats it). */
export function StatusBadge(props: { status: AnnouncementStatus }) {
  const format = useReachFormat();
  return (
    <Badge appearance="tint" color={COLOR[props.status]} data-testid="announcement-status">
      {format.status(props.status)}
    </Badge>
  );
}
