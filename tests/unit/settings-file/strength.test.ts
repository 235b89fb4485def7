import { describe, expect, it } from 'vitest';
import { passphraseStrength } from '../../../lib/settings-file/strength';

describe('passphrase strength', () => {
  it.each([
    ['', 'weak'],
    ['password', 'weak'],
    ['aaaaaaaaaaaaaaaaaaaa', 'weak'],
    ['12345678', 'weak'],
    ['Summer2024', 'fair'],
    ['correct horse battery staple', 'strong'],
    ['k8#Lq!z2Vw@9Pm$4', 'strong'],
  ])('%j is %s', (passphrase, strength) => {
    expect(passphraseStrength(passphrase)).toBe(strength);
  });
});
