import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { listenToMenu } from './shell/menu-commands.ts';
import { platform } from './platform/current-platform.ts';
import { startAutosave } from './state/autosave.ts';
import { useStore } from './state/store.ts';
import './styles.css';

startAutosave(useStore, platform());
listenToMenu();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
