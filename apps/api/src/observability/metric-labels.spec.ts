import { codeLabel, OperationLabels } from './metric-labels.js';

describe('OperationLabels', () => {
  it('keeps the first names, then collapses new ones to other, and unnamed ones to anonymous', () => {
    const labels = new OperationLabels(2);
    expect(labels.label('FrontPage')).toBe('FrontPage');
    expect(labels.label('Search')).toBe('Search');
    expect(labels.label('Third')).toBe('other');
    expect(labels.label('FrontPage')).toBe('FrontPage');
    expect(labels.label(null)).toBe('anonymous');
    expect(labels.label('')).toBe('anonymous');
  });

  it('never admits a name that is not a GraphQL name', () => {
    const labels = new OperationLabels();
    expect(labels.label('not a name"}')).toBe('other');
    expect(labels.label('x'.repeat(101))).toBe('other');
  });
});

describe('codeLabel', () => {
  it('keeps error codes and collapses anything else to OTHER', () => {
    expect(codeLabel('BAD_USER_INPUT')).toBe('BAD_USER_INPUT');
    expect(codeLabel('bad code')).toBe('OTHER');
    expect(codeLabel(undefined)).toBe('OTHER');
  });
});
