// The chart tab's controls: chart type and x column (native selects), and one checkbox per numeric
// column to plot it, with a second checkbox to draw it against the right y axis. Native controls:
// keyboard accessible and themed by the workbench's CSS variables. Column names are set as text.
import { CHART_KIND_LABELS, CHART_KINDS, MAX_CHOSEN_SERIES, type ChartChoice, type ChartKind, type SeriesChoice } from '../../src/results/chartSettings';
import { visible } from '../../src/results/visible';
import { el } from './dom';

export interface ControlsInput {
  /** Every column of the result (the x candidates). */
  columns: readonly string[];
  /** The numeric columns (the series candidates). */
  numeric: readonly string[];
  /** The x column drawn now and the series drawn now (what "automatic" picked, or the choice). */
  shownX: string | undefined;
  shownSeries: readonly SeriesChoice[];
}

export class ChartControls {
  readonly root = el('div', 'chart-choice');
  private readonly typeSelect = el('select', 'chart-type-select');
  private readonly xSelect = el('select', 'chart-x-select');
  private readonly series = el('fieldset', 'chart-series');
  private choice: ChartChoice;
  /** The series drawn now, in order (the last `render`). */
  private shown: readonly SeriesChoice[] = [];

  constructor(
    initial: ChartChoice,
    private readonly changed: (choice: ChartChoice) => void,
  ) {
    this.choice = initial;
    this.typeSelect.setAttribute('aria-label', 'Chart type');
    for (const k of CHART_KINDS) this.typeSelect.append(option(k, CHART_KIND_LABELS[k]));
    this.typeSelect.value = initial.type;
    this.typeSelect.addEventListener('change', () => this.set({ ...this.choice, type: this.typeSelect.value as ChartKind }));
    this.xSelect.setAttribute('aria-label', 'X axis column');
    this.xSelect.addEventListener('change', () => {
      const { x: _old, ...rest } = this.choice;
      this.set(this.xSelect.value === '' ? rest : { ...rest, x: this.xSelect.value });
    });
    this.series.append(el('legend', 'chart-series-legend', 'Series'));
    this.root.append(labelled('Type', this.typeSelect), labelled('X', this.xSelect), this.series);
  }

  get value(): ChartChoice {
    return this.choice;
  }

  /** A choice from the host (a result's saved chart): shown, not reported back. */
  setChoice(choice: ChartChoice): void {
    this.choice = choice;
    this.typeSelect.value = choice.type;
  }

  /** Rebuilds the column lists for the result on screen and what is drawn now. */
  render(input: ControlsInput): void {
    this.typeSelect.value = this.choice.type;
    this.shown = input.shownSeries;
    const auto = option('', input.shownX === undefined ? 'Automatic' : `Automatic (${visible(input.shownX)})`);
    this.xSelect.replaceChildren(auto, ...input.columns.map((c) => option(c, visible(c))));
    this.xSelect.value = this.choice.x !== undefined && input.columns.includes(this.choice.x) ? this.choice.x : '';
    const rows = input.numeric.filter((c) => c !== input.shownX).map((c) => this.seriesRow(c, input.shownSeries.find((s) => s.column === c)));
    this.series.replaceChildren(this.series.firstChild!, ...rows);
    this.series.hidden = rows.length === 0;
  }

  private seriesRow(column: string, shown: SeriesChoice | undefined): HTMLElement {
    const row = el('div', 'chart-series-row');
    const on = checkbox('chart-series-on', column, shown !== undefined, `Plot ${visible(column)}`);
    const right = checkbox('chart-series-right', column, shown?.axis === 'right', `Draw ${visible(column)} against the right y axis`);
    right.disabled = !shown;
    on.addEventListener('change', () => this.setSeries(on.checked ? 'add' : 'remove', column, right.checked ? 'right' : 'left'));
    right.addEventListener('change', () => this.setSeries('axis', column, right.checked ? 'right' : 'left'));
    row.append(withText(on, visible(column)), withText(right, 'right axis'));
    return row;
  }

  /** Turns the series drawn now (in their order) into an explicit choice, changed by one series. */
  private setSeries(op: 'add' | 'remove' | 'axis', column: string, axis: SeriesChoice['axis']): void {
    const others = this.shown.filter((s) => s.column !== column);
    let series: SeriesChoice[];
    if (op === 'add') series = [...others, { column, axis }];
    else if (op === 'remove') series = others;
    else series = this.shown.map((s) => (s.column === column ? { column, axis } : s));
    this.set({ ...this.choice, series: series.slice(0, MAX_CHOSEN_SERIES) });
  }

  private set(choice: ChartChoice): void {
    this.choice = choice;
    this.changed(choice);
  }
}

function option(value: string, text: string): HTMLOptionElement {
  const o = el('option', undefined, text);
  o.value = value;
  return o;
}

function checkbox(className: string, column: string, checked: boolean, title: string): HTMLInputElement {
  const box = el('input', className);
  box.type = 'checkbox';
  box.checked = checked;
  box.dataset.column = column;
  box.title = title;
  box.setAttribute('aria-label', title);
  return box;
}

function withText(control: HTMLElement, text: string): HTMLLabelElement {
  const label = el('label', 'chart-check');
  label.append(control, el('span', undefined, text));
  return label;
}

function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  const label = el('label', 'chart-field');
  label.append(el('span', 'chart-field-name', text), control);
  return label;
}
