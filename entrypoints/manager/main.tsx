import { render } from 'preact';
import '../../components/shared/base.css';
import { ManagerApp } from '../../components/manager/ManagerApp';

render(<ManagerApp />, document.getElementById('app')!);
