// fontkit ships no types; pdfkit takes what `create` returns (anything with `layout`) as a font source.
declare module 'fontkit' {
  export interface Font {
    layout(text: string, ...rest: unknown[]): unknown;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
