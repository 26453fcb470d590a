// What the live inbox (./inbox-watch.tsx) tells the user of, and what the notices (./Notifier.tsx,
// its own lazily loaded chunk) show: one module both read, so neither imports the other's types.
import type { InboxTask } from '../api/types';

/** A task new in the inbox, or one that turned yellow (临期) or red (超期). */
export interface InboxNotice {
  id: string;
  kind: 'new' | 'yellow' | 'red';
  task: InboxTask;
}
