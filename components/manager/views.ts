import type { ComponentType } from 'preact';
import type { PublicAccount } from '../../lib/accounts';
import { HistoryView } from './HistoryView';

// The manager's sections, in tab order. A feature adds its view here.

export interface ManagerViewProps {
  accounts: PublicAccount[];
  defaultAccountId?: string;
}

export const managerViews = [
  { id: 'history', label: 'History', component: HistoryView },
] as const satisfies readonly { id: string; label: string; component: ComponentType<ManagerViewProps> }[];

export type ManagerViewId = (typeof managerViews)[number]['id'];
