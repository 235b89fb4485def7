import { render } from 'preact';
import '../../components/shared/base.css';
import { t } from '../../lib/i18n';
import { startPage } from '../../components/shared/startPage';
import { ManagerApp } from '../../components/manager/ManagerApp';

startPage(
  () => render(<ManagerApp />, document.getElementById('app')!),
  () => t('mgrTitle'),
);
