// opencc-js 1.4.2 names ./types/full.d.ts in its exports but does not ship it.
// Only the part we use is declared here.
declare module 'opencc-js/t2cn' {
  export type OpenCCLocale = 'cn' | 'tw' | 'twp' | 'hk' | 'jp' | 't';
  export interface ConverterOptions {
    from: OpenCCLocale;
    to: OpenCCLocale;
  }
  /** Returns a function that converts a whole string. */
  export function Converter(options: ConverterOptions): (text: string) => string;
}
