import '@fontsource-variable/inter';
import './app.css';
import './lib/ui/controls.css';
import { mount } from 'svelte';
import App from './app/App.svelte';
import { tauriBackend, type Backend } from './lib/backend';

/** Inside the app, Tauri; on the dev server (`npm run dev`), an in-memory org. */
async function backend(): Promise<Backend | null> {
  const tauri = tauriBackend();
  if (tauri || !import.meta.env.DEV) return tauri;
  // Development only: the condition is false in a production build, which drops the import.
  const { FakeBackend, syntheticOrg } = await import('./test/fake');
  return new FakeBackend(syntheticOrg(180, 5));
}

const target = document.getElementById('app');
if (target) {
  void backend().then((b) => {
    if (b) mount(App, { target, props: { backend: b } });
    else target.textContent = 'Pendulum runs as a desktop app: start it with scripts/run-app.sh.';
  });
}
