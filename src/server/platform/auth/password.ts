import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from '../../../shared/vocabulary.ts';
import type { FieldError } from '../errors.ts';

// Algorithm.Argon2id: the package exports it as a const enum, which type stripping cannot read.
const ARGON2ID = 2;
// OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane.
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** True when the password matches the stored argon2 hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    // A malformed stored hash is a wrong password, not a server error.
    return false;
  }
}

// A hash to verify against when the username does not exist, so both paths take the same time.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('sinergi-no-such-user-timing-guard');
  return dummyHash;
}

const COMMON_PASSWORDS = new Set(
  readFileSync(path.join(import.meta.dirname, 'common-passwords.txt'), 'utf8')
    .split('\n')
    .map((line) => line.trim().toLowerCase())
    .filter((line) => line && !line.startsWith('#')),
);

/** The policy's verdict on a new password: null when acceptable, else the field error to show. */
export function checkPasswordPolicy(password: string, username: string): FieldError | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return { key: 'password_too_short', params: { minimum: PASSWORD_MIN_LENGTH } };
  const lowered = password.toLowerCase();
  if (lowered === username.toLowerCase() || lowered.includes(username.toLowerCase())) {
    return { key: 'password_is_username' };
  }
  if (COMMON_PASSWORDS.has(lowered) || isTrivialSequence(lowered)) return { key: 'password_common' };
  return null;
}

function isTrivialSequence(password: string): boolean {
  return new Set(password).size <= 2;
}

const TEMPORARY_ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random temporary password (16 characters, no look-alike letters) for an administrator's reset. */
export function generateTemporaryPassword(): string {
  let out = '';
  for (let i = 0; i < 16; i++) out += TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)];
  return out;
}
