// Types of png.mjs (a minimal PNG reader for the README images).
export declare function pngInfo(buf: Buffer): { width: number; height: number; bitDepth: number; colorType: number; interlace: number };
export declare function decodePng(buf: Buffer): { width: number; height: number; channels: number; pixels: Buffer };
export declare function pngDifference(a: Buffer, b: Buffer, tolerance?: number): number;
