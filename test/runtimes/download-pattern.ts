/** The matrix's download: several chunks, so that reading it is a stream, not one buffer. */
export const DOWNLOAD_CHUNK_BYTES = 64 * 1024;
export const DOWNLOAD_CHUNKS = 16;

/** Byte `index` of the download, a pattern that a reader can verify without holding all of it. */
export function downloadByte(index: number): number {
  return (index * 31 + 7) % 251;
}
