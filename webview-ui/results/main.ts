// The results webview (browser side): a virtual grid, a chart and a cell viewer over the result the
// host posts. All data goes into the DOM as text (`textContent`), never as HTML.
import './main.css';
import { parseToView } from '../../src/protocol/results';
import { post } from './api';
import { App } from './app';

const app = new App(document.getElementById('app')!);

window.addEventListener('message', (event: MessageEvent) => {
  const receivedAt = performance.now();
  const msg = parseToView(event.data);
  if (msg) app.onMessage(msg, receivedAt);
});

post({ kind: 'ready' });
