import type { ComponentType } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { HistoryView } from './HistoryView';
import { UploadView } from './upload/UploadView';
import { FilesView } from './files/FilesView';
import { AccountView } from './account/AccountView';
import type { ManagerViewProps } from './view-props';

// The manager's sections, in tab order. A feature adds its view here. Labels
// are message keys, read when the tabs render: this module loads before the
// chosen language does.

export type { ManagerViewProps };

export const managerViews = [
  { id: 'upload', labelKey: 'mgrTabUpload', component: UploadView },
  { id: 'files', labelKey: 'mgrTabFiles', component: FilesView },
  { id: 'account', labelKey: 'mgrTabAccount', component: AccountView },
  { id: 'history', labelKey: 'mgrTabHistory', component: HistoryView },
] as const satisfies readonly { id: string; labelKey: MessageKey; component: ComponentType<ManagerViewProps> }[];

export type ManagerViewId = (typeof managerViews)[number]['id'];
