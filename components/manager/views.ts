import type { ComponentType } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { HistoryView } from './HistoryView';
import { UploadView } from './upload/UploadView';
import { FilesView } from './files/FilesView';
import { AccountView } from './account/AccountView';
import type { ManagerViewProps } from './view-props';

// The manager's sections, in tab order. A feature adds its view here. Labels
// are message keys, read when the tabs render: this module loads before the
// chosen language does. A section with `drawsKept` is drawn at once with the
// accounts as the manager last showed them (its rows' labels); the others wait
// for the background's answer (they ask hosts about an account).

export type { ManagerViewProps };

export const managerViews = [
  { id: 'upload', labelKey: 'mgrTabUpload', component: UploadView, drawsKept: true },
  { id: 'files', labelKey: 'mgrTabFiles', component: FilesView },
  { id: 'account', labelKey: 'mgrTabAccount', component: AccountView },
  { id: 'history', labelKey: 'mgrTabHistory', component: HistoryView, drawsKept: true },
] as const satisfies readonly { id: string; labelKey: MessageKey; component: ComponentType<ManagerViewProps>; drawsKept?: boolean }[];

export type ManagerViewId = (typeof managerViews)[number]['id'];
