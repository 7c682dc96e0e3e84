import './styles.css';
import { startApp } from './app/app';
import { t } from './lib/i18n';

const root = document.getElementById('app');
if (!root) throw new Error('The page has no #app element');
startApp(root).catch((error: unknown) => {
  console.error('Bloom: the portal could not start', error);
  root.textContent = t('app.start-failed');
});
