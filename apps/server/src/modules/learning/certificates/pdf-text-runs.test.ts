import { describe, expect, it } from 'vitest';
import { hasArabicScript, textRuns } from './pdf-text-runs.ts';

describe('textRuns', () => {
  it('keeps a Latin line in one run', () => {
    expect(textRuns('  Lucía Fernández — Žofie  ')).toEqual([
      { text: 'Lucía Fernández — Žofie', script: 'latin' },
    ]);
  });
  it('keeps an Urdu line in one run, spaces included (fontkit lays it out right to left)', () => {
    expect(textRuns('عائشہ خان')).toEqual([{ text: 'عائشہ خان', script: 'arabic' }]);
  });
  it('draws a Latin line with an Urdu part left to right, brackets staying with the Latin text', () => {
    expect(textRuns('Ayesha Khan (عائشہ)')).toEqual([
      { text: 'Ayesha Khan (', script: 'latin' },
      { text: 'عائشہ', script: 'arabic' },
      { text: ')', script: 'latin' },
    ]);
  });
  it('draws an Urdu line with a Latin word right to left: the first run rightmost', () => {
    expect(textRuns('کورس React میں')).toEqual([
      { text: ' میں', script: 'arabic' },
      { text: 'React', script: 'latin' },
      { text: 'کورس ', script: 'arabic' },
    ]);
  });
  it('gives nothing for an empty line, and tells which text needs the Arabic font', () => {
    expect(textRuns('   ')).toEqual([]);
    expect(hasArabicScript('Ayesha')).toBe(false);
    expect(hasArabicScript('عائشہ')).toBe(true);
  });
});
