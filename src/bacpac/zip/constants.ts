/**
 * Fixed numbers of the ZIP format (PKWARE APPNOTE.TXT 6.3.x) used by the writer and the reader.
 */

/** Record signatures, as the little-endian 32-bit values that start each record. */
export const LOCAL_FILE_HEADER_SIGNATURE = 0x04034b50;
export const CENTRAL_DIRECTORY_HEADER_SIGNATURE = 0x02014b50;
export const DATA_DESCRIPTOR_SIGNATURE = 0x08074b50;
export const ZIP64_END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06064b50;
export const ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIGNATURE = 0x07064b50;
export const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;

/** Sizes of the fixed parts of each record (before any variable-length name, extra or comment). */
export const LOCAL_FILE_HEADER_SIZE = 30;
export const CENTRAL_DIRECTORY_HEADER_SIZE = 46;
export const ZIP64_END_OF_CENTRAL_DIRECTORY_SIZE = 56;
export const ZIP64_END_OF_CENTRAL_DIRECTORY_LOCATOR_SIZE = 20;
export const END_OF_CENTRAL_DIRECTORY_SIZE = 22;
/** The longest archive comment: the EOCD can start at most this far plus its own size before the end. */
export const MAX_COMMENT_LENGTH = 0xffff;

/** Extra field header ID of the ZIP64 extended information extra field (APPNOTE 4.5.3). */
export const ZIP64_EXTRA_FIELD_ID = 0x0001;

/** A 16- or 32-bit field holding this value says "the real value is in the ZIP64 record". */
export const MAX_UINT16 = 0xffff;
export const MAX_UINT32 = 0xffffffff;

/** Compression method codes (APPNOTE 4.4.5). */
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;

/** General purpose bit flags (APPNOTE 4.4.4). */
export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;

/**
 * Versions we write. "Version needed to extract" is 2.0 (deflate) for every entry, stored ones included,
 * as .NET's packaging writes it; 4.5 for an entry that carries ZIP64 fields. "Version made by" is the
 * same value with host system 0 (MS-DOS), which makes 0x0014 the value of real .NET-written BACPACs.
 */
export const VERSION_DEFLATE = 20;
export const VERSION_ZIP64 = 45;
