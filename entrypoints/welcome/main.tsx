import { render } from 'preact';
import '../../components/shared/base.css';
import { t } from '../../lib/i18n';
import { startPage } from '../../components/shared/startPage';
import { WelcomeApp } from '../../components/welcome/WelcomeApp';

startPage(
  () => render(<WelcomeApp />, document.getElementById('app')!),
  () => t('welcomeHeading'),
);
