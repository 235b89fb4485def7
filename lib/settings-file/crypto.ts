import { AppError } from '../errors';
import { EXPORT_PBKDF2_ITERATIONS, type EncryptedKeys } from './format';

// Keys leave the browser only encrypted: PBKDF2-SHA-256 derives an AES-GCM key
// from the passphrase; salt and IV are fresh for every export. The format
// name is bound in as additional data so the block cannot be moved elsewhere:
// each kind of file passes its own `purpose`.

/** The additional data of the settings file's key block. */
const SETTINGS_KEYS_PURPOSE = 'vidrelay-settings-keys';
const bytesOf = (purpose: string) => new TextEncoder().encode(purpose);

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

export async function encryptText(
  plain: string,
  passphrase: string,
  iterations = EXPORT_PBKDF2_ITERATIONS,
  purpose = SETTINGS_KEYS_PURPOSE,
): Promise<EncryptedKeys> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await deriveKey(passphrase, salt, iterations);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bytesOf(purpose) }, key, new TextEncoder().encode(plain));
  return {
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(new Uint8Array(data)),
  };
}

/** A wrong passphrase and a tampered block look the same to AES-GCM: both fail authentication. */
export async function decryptText(block: EncryptedKeys, passphrase: string, purpose = SETTINGS_KEYS_PURPOSE): Promise<string> {
  try {
    const key = await deriveKey(passphrase, fromBase64(block.kdf.salt), block.kdf.iterations);
    const iv = fromBase64(block.cipher.iv);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: bytesOf(purpose) }, key, fromBase64(block.data));
    return new TextDecoder().decode(plain);
  } catch {
    throw new AppError('invalid_input', 'The passphrase does not open the keys in this file (or the file was changed). Check the passphrase and try again.');
  }
}
