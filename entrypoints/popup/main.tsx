import { render } from 'preact';
import '../../components/shared/base.css';
import { PopupApp } from '../../components/popup/PopupApp';

render(<PopupApp />, document.getElementById('app')!);
