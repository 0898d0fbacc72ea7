// Benchmark baseline only (`devRenderer: 'naive'`): the whole result as one plain <table>, every
// row in the DOM — what the grid replaces. Text only, like the grid.
import { el } from './dom';
import type { GridModel } from './model';

export function renderNaiveTable(model: GridModel): HTMLTableElement {
  const table = el('table', 'naive-table');
  const head = table.createTHead().insertRow();
  for (const col of model.columns) {
    const th = el('th');
    th.append(el('span', 'col-name', col.name), el('span', 'col-type', col.type));
    head.append(th);
  }
  const body = table.createTBody();
  for (let r = 0; r < model.rowCount; r++) {
    const tr = body.insertRow();
    for (let c = 0; c < model.columns.length; c++) {
      const v = model.cellView(r, c);
      const td = tr.insertCell();
      td.textContent = v.text;
      if (v.isNull) td.className = 'null';
      else if (model.columns[c].numeric) td.className = 'num';
    }
  }
  return table;
}
