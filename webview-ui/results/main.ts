// The results webview (browser side): a virtual grid, a chart and a cell viewer over the result the
// host posts. All data goes into the DOM as text (`textContent`), never as HTML.
import './main.css';
import { parseToView } from '../../src/results/protocol';
import { post } from './api';
import { App } from './app';

const app = new App(document.getElementById('app')!);

window.addEventListener('message', (event: MessageEvent) => {
  const receivedAt = performance.now();
  const data: unknown = event.data;
  const msg = parseToView(data);
  if (!msg) return;
  if (msg.kind === 'result' && typeof (data as { sentAt?: unknown }).sentAt === 'number') app.sentAt = (data as { sentAt: number }).sentAt;
  app.onMessage(msg, receivedAt);
});

post({ kind: 'ready' });
