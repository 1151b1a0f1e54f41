/** One entry of an archive as the reader found it: central directory values, checked against the local header. */
export interface ZipEntry {
  /** Position in the central directory, from 0. */
  readonly index: number;
  readonly name: string;
  /** The name's bytes as stored (UTF-8 when bit 11 of `flags` is set, else code page 437). */
  readonly rawName: Buffer;
  /** Compression method code: 0 stored, 8 deflated (others are listed but cannot be opened). */
  readonly method: number;
  /** General purpose bit flags from the central directory. */
  readonly flags: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** First byte of the stored data, after the local header's name and extra field. */
  readonly dataOffset: number;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly dosTime: number;
  readonly dosDate: number;
  /** The DOS date and time read as local time. */
  readonly modified: Date;
  /** Header IDs of the extra fields, in order, and the extra field lengths, in each header. */
  readonly centralExtraIds: readonly number[];
  readonly centralExtraLength: number;
  readonly localExtraIds: readonly number[];
  readonly localExtraLength: number;
  readonly comment: string;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  /** Whether a ZIP64 extra field supplied any of the sizes or the offset. */
  readonly zip64: boolean;
  /** Length of the data descriptor after the data (0 when bit 3 is clear). */
  readonly dataDescriptorLength: number;
}
