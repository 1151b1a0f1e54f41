import { randomInt } from 'node:crypto';

const CLASSES = [
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  'abcdefghijklmnopqrstuvwxyz',
  '0123456789',
  '!#$%&*+,-.:;<=>?@^_~',
];

/**
 * The placeholder password of an exported login. Real passwords are never exported: DacFx writes
 * a random one that satisfies SQL Server's complexity policy, and so does this (48 characters with
 * upper and lower case letters, digits and symbols).
 */
export function placeholderPassword(length = 48): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((c) => c[randomInt(c.length)] as string);
  while (chars.length < length) chars.push(all[randomInt(all.length)] as string);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  }
  return chars.join('');
}
