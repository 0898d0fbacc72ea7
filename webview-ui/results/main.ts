// The results webview (browser side): one tab per statement, each a virtual grid, a chart and a
// cell viewer over the result the host posts. All data goes into the DOM as text (`textContent`),
// never as HTML.
import './main.css';
import './tabs.css';
import './pin.css';
import { parsePanelMessage } from '../../src/results/panelProtocol';
import { post } from './api';
import { Panel } from './panel';

const panel = new Panel(document.getElementById('app')!);

window.addEventListener('message', (event: MessageEvent) => {
  const receivedAt = performance.now();
  const data: unknown = event.data;
  const msg = parsePanelMessage(data);
  if (!msg) return;
  const sentAt = (data as { sentAt?: unknown }).sentAt;
  panel.onMessage(msg, receivedAt, typeof sentAt === 'number' ? sentAt : undefined);
});

post({ kind: 'ready' });
