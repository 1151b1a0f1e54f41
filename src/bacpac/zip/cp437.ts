/**
 * IBM code page 437, the encoding of ZIP entry names whose UTF-8 flag (bit 11) is clear (APPNOTE
 * appendix D). Bytes 0x00–0x7F are ASCII; this string holds the characters of bytes 0x80–0xFF.
 */
const HIGH_HALF =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

export function decodeCp437(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) {
    text += byte < 0x80 ? String.fromCharCode(byte) : HIGH_HALF.charAt(byte - 0x80);
  }
  return text;
}
