import { render } from 'preact';
import '../../components/shared/base.css';
import { startPage } from '../../components/shared/startPage';
import { PopupApp } from '../../components/popup/PopupApp';

startPage(() => render(<PopupApp />, document.getElementById('app')!));
