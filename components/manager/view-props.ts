import type { PublicAccount } from '../../lib/accounts';

// What the manager hands every section (views.ts lists the sections; kept apart
// so a section's own file need not import the list that imports it).

export interface ManagerViewProps {
  accounts: PublicAccount[];
  defaultAccountId?: string;
}
