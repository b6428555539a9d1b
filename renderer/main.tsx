import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// The desktop UI (canvas, runs, results, comparison) is built in its own issue; until then the
// renderer only proves the toolchain (React + Vite) is wired. Use the CLI: `npx archsim run`.
function App() {
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>archsim</h1>
      <p>The desktop UI is not built yet. Run scenarios with <code>npx archsim run scenarios/examples/monolith.yaml</code>.</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
