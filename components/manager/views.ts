import type { ComponentType } from 'preact';
import { t } from '../../lib/i18n';
import { HistoryView } from './HistoryView';
import { UploadView } from './upload/UploadView';
import { FilesView } from './files/FilesView';
import { AccountView } from './account/AccountView';
import type { ManagerViewProps } from './view-props';

// The manager's sections, in tab order. A feature adds its view here.

export type { ManagerViewProps };

export const managerViews = [
  { id: 'upload', label: t('mgrTabUpload'), component: UploadView },
  { id: 'files', label: t('mgrTabFiles'), component: FilesView },
  { id: 'account', label: t('mgrTabAccount'), component: AccountView },
  { id: 'history', label: t('mgrTabHistory'), component: HistoryView },
] as const satisfies readonly { id: string; label: string; component: ComponentType<ManagerViewProps> }[];

export type ManagerViewId = (typeof managerViews)[number]['id'];
