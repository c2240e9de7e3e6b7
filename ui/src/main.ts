import '@fontsource-variable/inter';
import './app.css';
import { mount } from 'svelte';
import App from './app/App.svelte';
import { defaultBackend } from './lib/backend';

const target = document.getElementById('app');
if (target) mount(App, { target, props: { backend: defaultBackend() } });
