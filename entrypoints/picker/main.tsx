import { render } from 'preact';
import '../../components/shared/base.css';
import { t } from '../../lib/i18n';
import { startPage } from '../../components/shared/startPage';
import { PickerApp } from '../../components/picker/PickerApp';

startPage(
  () => render(<PickerApp id={new URLSearchParams(location.search).get('id') ?? ''} />, document.getElementById('app')!),
  () => `${t('pickHeading')} – VidRelay`,
);
