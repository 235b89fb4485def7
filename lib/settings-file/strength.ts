// How hard a passphrase is to guess, roughly: what the hint beside the
// passphrase field says while the user types. The file's encryption is only as
// strong as the passphrase: PBKDF2 at 600,000 iterations slows each guess, it
// does not make a short or common passphrase safe.

export type PassphraseStrength = 'weak' | 'fair' | 'strong';

/** Bits of guessing work, estimated from the kinds of characters used and how much of the text repeats itself. */
function passphraseBits(passphrase: string): number {
  const chars = [...passphrase];
  if (chars.length === 0) return 0;
  let pool = 0;
  if (/[a-z]/.test(passphrase)) pool += 26;
  if (/[A-Z]/.test(passphrase)) pool += 26;
  if (/[0-9]/.test(passphrase)) pool += 10;
  if (/[^A-Za-z0-9]/.test(passphrase)) pool += 33;
  // Repeats ("aaaa", "abcabc") add little: count distinct characters, and each character only once more than that.
  const distinct = new Set(chars).size;
  const effective = Math.min(chars.length, distinct * 2);
  return Math.round(effective * Math.log2(Math.max(pool, 2)));
}

export function passphraseStrength(passphrase: string): PassphraseStrength {
  const bits = passphraseBits(passphrase);
  if (bits < 45) return 'weak';
  if (bits < 70) return 'fair';
  return 'strong';
}
