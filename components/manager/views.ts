import type { ComponentType } from 'preact';
import type { PublicAccount } from '../../lib/accounts';
import { HistoryView } from './HistoryView';
import { UploadView } from './upload/UploadView';
import { FilesView } from './files/FilesView';
import { AccountView } from './account/AccountView';

// The manager's sections, in tab order. A feature adds its view here.

export interface ManagerViewProps {
  accounts: PublicAccount[];
  defaultAccountId?: string;
}

export const managerViews = [
  { id: 'upload', label: 'Upload', component: UploadView },
  { id: 'files', label: 'Files', component: FilesView },
  { id: 'account', label: 'Account', component: AccountView },
  { id: 'history', label: 'History', component: HistoryView },
] as const satisfies readonly { id: string; label: string; component: ComponentType<ManagerViewProps> }[];

export type ManagerViewId = (typeof managerViews)[number]['id'];
