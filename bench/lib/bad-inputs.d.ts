export function rawEntryZip(name: string, compressed: Buffer, declaredSize: number, crc?: number): Buffer;
export function archiveBomb(megabytes?: number): Promise<Buffer>;
export function binaryData(size?: number): Buffer;
export function truncated(bytes: Uint8Array): Uint8Array;
export function docxFromText(text: string): Promise<Buffer>;
