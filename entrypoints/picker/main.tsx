import { render } from 'preact';
import '../../components/shared/base.css';
import { PickerApp } from '../../components/picker/PickerApp';

render(<PickerApp id={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!);
