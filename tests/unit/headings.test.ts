import { describe, expect, it } from 'vitest';
import { shiftHeadings } from '../../src/site/headings';

describe('shifting an attachment’s headings under the notice', () => {
  it('moves opening and closing tags one level down, attributes kept', () => {
    expect(shiftHeadings('<h2 id="a">一、</h2><p>x</p><h3>1.</h3>', 1)).toBe('<h3 id="a">一、</h3><p>x</p><h4>1.</h4>');
  });
  it('leaves the html alone for a shift of 0 and never goes past h6', () => {
    expect(shiftHeadings('<h2>x</h2>', 0)).toBe('<h2>x</h2>');
    expect(shiftHeadings('<h6>x</h6>', 1)).toBe('<h6>x</h6>');
  });
  it('does not touch tags that merely start with h', () => {
    expect(shiftHeadings('<header><hr></header>', 1)).toBe('<header><hr></header>');
  });
});
