/** Types for the font tools that ship none: subset-font 2 and fontverter 2 (which it brings). */
declare module 'subset-font' {
  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    preserveNameIds?: number[];
    keepFeatures?: string[];
    noLayoutClosure?: boolean;
    noHinting?: boolean;
    dropTables?: string[];
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>;
}

declare module 'fontverter' {
  export function detectFormat(font: Buffer): 'sfnt' | 'woff' | 'woff2';
  export function convert(font: Buffer, to: 'sfnt' | 'woff' | 'woff2', from?: 'sfnt' | 'woff' | 'woff2'): Promise<Buffer>;
}
