/**
 * Splitting a line of text into runs a PDF can draw with the right font, in display order.
 *
 * PDFKit draws one font at a time and has no bidirectional layout. Names on a certificate are Latin
 * (Noto Sans: Latin, Greek, Cyrillic, Vietnamese) or Arabic script such as Urdu (Noto Naskh Arabic,
 * whose shaping fontkit applies, reversing the glyphs of a right-to-left run itself). So a line is cut
 * into script runs, each drawn in its font, and when the line starts in Arabic script the runs are laid
 * out right to left. Scripts neither font covers (CJK, Devanagari…) show as empty boxes.
 */
export type Script = 'latin' | 'arabic';
export interface TextRun {
  text: string;
  script: Script;
}

const ARABIC = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
// Spaces, punctuation and digits belong to the run around them rather than starting a new one.
const NEUTRAL = /[\s\p{P}\p{S}\p{N}]/u;

/**
 * The runs of `text` (trimmed) in the order they are drawn from the left: a small part of the Unicode
 * bidirectional algorithm. A neutral character (space, punctuation, digit) between two letters of the
 * same script joins them; anywhere else it takes the direction of the line, which is the direction of
 * its first letter. Arabic digits inside Arabic words are the one case this does not order correctly.
 */
export function textRuns(text: string): TextRun[] {
  const chars = [...text.trim()];
  const kinds = chars.map((ch): Script | null =>
    ARABIC.test(ch) ? 'arabic' : NEUTRAL.test(ch) ? null : 'latin',
  );
  const line: Script = kinds.find((k) => k !== null) ?? 'latin';
  const resolved = kinds.map((k, i) => {
    if (k) return k;
    const before =
      kinds
        .slice(0, i)
        .reverse()
        .find((x) => x !== null) ?? line;
    const after = kinds.slice(i + 1).find((x) => x !== null) ?? line;
    return before === after ? before : line;
  });
  const runs: TextRun[] = [];
  chars.forEach((ch, i) => {
    const script = resolved[i] as Script;
    const last = runs[runs.length - 1];
    if (last?.script === script) last.text += ch;
    else runs.push({ text: ch, script });
  });
  // A right-to-left line draws its first run rightmost.
  return line === 'arabic' ? runs.reverse() : runs;
}

/** True when the text has any Arabic-script character (the Naskh font is needed). */
export const hasArabicScript = (text: string) => ARABIC.test(text);
