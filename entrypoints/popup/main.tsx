import { render } from 'preact';
render(<p>VidRelay</p>, document.getElementById('app')!);
