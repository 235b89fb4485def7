import { render } from 'preact';
import '../../components/shared/base.css';
import { t } from '../../lib/i18n';
import { startPage } from '../../components/shared/startPage';
import '../../components/options/options.css';
import { OptionsApp } from '../../components/options/OptionsApp';

startPage(
  () => render(<OptionsApp />, document.getElementById('app')!),
  () => t('optTitle'),
);
