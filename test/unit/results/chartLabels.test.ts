import * as assert from 'node:assert/strict';
import { labelCenter } from '../../../webview-ui/results/chartData';

// The x axis's labels are centred on their tick; the last tick sits on the plot's right edge, 16 px
// from the canvas edge, so a centred date label ran past the canvas and was clipped.
describe('results/chart x labels', () => {
  it('keeps a label inside the canvas: shifted left at the right edge, right at the left edge', () => {
    assert.equal(labelCenter(584, 70, 600), 565, 'a 70 px label at 584 of 600 ends at the edge');
    assert.equal(labelCenter(10, 70, 600), 35);
    assert.equal(labelCenter(300, 70, 600), 300, 'a label with room stays centred on its tick');
    assert.equal(labelCenter(300, 700, 600), 300, 'wider than the canvas: centred, nothing better to do');
  });
});
