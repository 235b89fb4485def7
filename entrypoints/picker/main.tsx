import { render } from 'preact';
import '../../components/base.css';
import { PickerApp } from '../../components/picker/PickerApp';

render(<PickerApp id={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!);
