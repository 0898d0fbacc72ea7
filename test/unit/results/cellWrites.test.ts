import * as assert from 'node:assert/strict';
import { CellWriter, type CellLook, type CellTarget } from '../../../webview-ui/results/cellWrites';

/** A cell element and its text node that record every write. */
function fakeCell() {
  const writes: string[] = [];
  const attrs = new Map<string, string>();
  let cls = '';
  let data = '';
  const el: CellTarget = {
    get className() {
      return cls;
    },
    set className(v: string) {
      writes.push(`class=${v}`);
      cls = v;
    },
    setAttribute(name, value) {
      writes.push(`${name}=${value}`);
      attrs.set(name, value);
    },
    removeAttribute(name) {
      writes.push(`-${name}`);
      attrs.delete(name);
    },
  };
  const text = {
    get data() {
      return data;
    },
    set data(v: string) {
      writes.push(`text=${v}`);
      data = v;
    },
  };
  return { el, text, writes, attrs, cls: () => cls, data: () => data };
}

const look = (over: Partial<CellLook> = {}): CellLook => ({ text: 'a', className: 'cell', title: undefined, context: '{"c":1}', ...over });

describe('results/cellWrites: a recycled cell writes only what changed (issue #21)', () => {
  it('writes everything the first time, then nothing for the same look', () => {
    const f = fakeCell();
    const w = new CellWriter(f.el, f.text);
    w.show(look({ title: 't' }));
    assert.deepEqual(f.writes, ['text=a', 'class=cell', 'title=t', 'data-vscode-context={"c":1}']);
    f.writes.length = 0;
    w.show(look({ title: 't' }));
    w.mark(false, false, 'focus-id');
    w.mark(false, false, 'focus-id');
    assert.deepEqual(f.writes, ['class=cell', '-id'], 'the first marks are written once');
    f.writes.length = 0;
    for (let i = 0; i < 3; i++) {
      w.show(look({ title: 't' }));
      w.mark(false, false, 'focus-id');
    }
    assert.deepEqual(f.writes, []);
  });

  it('writes only the parts that changed, into the same text node', () => {
    const f = fakeCell();
    const w = new CellWriter(f.el, f.text);
    w.show(look());
    w.mark(false, false, 'focus-id');
    f.writes.length = 0;
    w.show(look({ text: 'b' }));
    assert.deepEqual(f.writes, ['text=b']);
    f.writes.length = 0;
    w.show(look({ text: 'b', title: 'x', context: undefined }));
    assert.deepEqual(f.writes, ['title=x', '-data-vscode-context']);
    f.writes.length = 0;
    w.show(look({ text: '', className: 'cell null' }));
    assert.deepEqual(f.writes, ['text=', 'class=cell null', '-title', 'data-vscode-context={"c":1}']);
    assert.equal(f.data(), '');
  });

  it('keeps the selection and focus classes across a class change, and the focus id', () => {
    const f = fakeCell();
    const w = new CellWriter(f.el, f.text);
    w.mark(true, true, 'focus-id');
    assert.deepEqual(f.writes, ['id=focus-id'], 'no class before the cell is shown');
    w.show(look({ className: 'cell num' }));
    assert.equal(f.cls(), 'cell num sel focus');
    w.show(look({ className: 'cell' }));
    assert.equal(f.cls(), 'cell sel focus');
    f.writes.length = 0;
    w.mark(true, false, 'focus-id');
    assert.deepEqual(f.writes, ['class=cell sel', '-id']);
    f.writes.length = 0;
    w.mark(false, false, 'focus-id');
    assert.deepEqual(f.writes, ['class=cell']);
    assert.equal(f.attrs.has('id'), false);
  });
});
