import { ZipErrorCode, zipError } from './error-codes';

/**
 * Encodes an entry name for the writer. BACPAC part names arrive already escaped as OPC part URIs
 * (a space becomes `%20`), so every name we write is printable ASCII (0x20–0x7E) and the UTF-8 flag
 * stays clear, as in real .NET-written BACPACs. Anything else is refused rather than guessed at.
 */
export function encodeEntryName(name: string): Buffer {
  if (name.length === 0) {
    throw zipError(ZipErrorCode.BadName, 'entry name is empty; expected a part name such as "model.xml"');
  }
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) {
      const shown = code.toString(16).padStart(4, '0');
      throw zipError(
        ZipErrorCode.BadName,
        `entry name ${JSON.stringify(name)} has character U+${shown} at index ${i}; expected printable ASCII ` +
          '(0x20-0x7E) only: escape part names as URIs before zipping',
        { entry: name },
      );
    }
  }
  if (name.length > 0xffff) {
    throw zipError(ZipErrorCode.BadName, `entry name is ${name.length} bytes long; the ZIP limit is 65535`, {
      entry: name.slice(0, 100),
    });
  }
  return Buffer.from(name, 'latin1');
}
