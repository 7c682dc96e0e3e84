import './styles.css';
import { startApp } from './app/app';

const root = document.getElementById('app');
if (!root) throw new Error('The page has no #app element');
startApp(root).catch((error: unknown) => {
  console.error('Bloom: the portal could not start', error);
  root.textContent = 'Не удалось запустить кабинет. Обновите страницу.';
});
