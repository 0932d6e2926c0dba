import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Initialises translations before the first render.
import '@/lib/i18n';
import { App } from '@/app';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
