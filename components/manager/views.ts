import type { ComponentType } from 'preact';
import { t } from '../../lib/i18n';
import { HistoryView } from './HistoryView';
import { UploadView } from './upload/UploadView';
import { FilesView } from './files/FilesView';
import { AccountView } from './account/AccountView';
import type { ManagerViewProps } from './view-props';

// The manager's sections, in tab order. A feature adds its view here. Labels
// are read on use: this module loads before the chosen language does.

export type { ManagerViewProps };

export const managerViews = [
  {
    id: 'upload',
    get label() {
      return t('mgrTabUpload');
    },
    component: UploadView,
  },
  {
    id: 'files',
    get label() {
      return t('mgrTabFiles');
    },
    component: FilesView,
  },
  {
    id: 'account',
    get label() {
      return t('mgrTabAccount');
    },
    component: AccountView,
  },
  {
    id: 'history',
    get label() {
      return t('mgrTabHistory');
    },
    component: HistoryView,
  },
] as const satisfies readonly { id: string; label: string; component: ComponentType<ManagerViewProps> }[];

export type ManagerViewId = (typeof managerViews)[number]['id'];
