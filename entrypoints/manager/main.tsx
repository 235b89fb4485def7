import { render } from 'preact';
import '../../components/shared/base.css';
import { startPage } from '../../components/shared/startPage';
import { ManagerApp } from '../../components/manager/ManagerApp';

startPage(() => render(<ManagerApp />, document.getElementById('app')!));
