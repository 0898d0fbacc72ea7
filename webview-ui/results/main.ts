// The results webview (browser side): one tab per statement, each a virtual grid, a chart and a
// cell viewer over the result the host posts. All data goes into the DOM as text (`textContent`),
// never as HTML.
import './main.css';
import './tabs.css';
import './pin.css';
import { parsePanelMessage } from '../../src/results/panelProtocol';
import { post } from './api';
import { Inbox } from './inbox';
import { Panel } from './panel';

const panel = new Panel(document.getElementById('app')!);

const inbox = new Inbox((data, receivedAt) => deliver(data, receivedAt));
window.addEventListener('message', (event: MessageEvent) => inbox.push(event.data, performance.now()));

function deliver(data: unknown, receivedAt: number): void {
  const msg = parsePanelMessage(data);
  if (!msg) return;
  const sentAt = (data as { sentAt?: unknown }).sentAt;
  panel.onMessage(msg, receivedAt, typeof sentAt === 'number' ? sentAt : undefined);
}

post({ kind: 'ready' });
