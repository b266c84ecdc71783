import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, generateTemporaryPassword, hashPassword, verifyPassword } from './password.ts';

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(checkPasswordPolicy('Batik-Pramesti-77', 'dewi')).toBeNull();
  });

  it('refuses fewer than 10 characters', () => {
    expect(checkPasswordPolicy('Pendek-1', 'dewi')).toEqual({
      key: 'password_too_short',
      params: { minimum: 10 },
    });
  });

  it('refuses the username, in any case, alone or inside', () => {
    expect(checkPasswordPolicy('lapas.binadik', 'lapas.binadik')?.key).toBe('password_is_username');
    expect(checkPasswordPolicy('LAPAS.BINADIK2026', 'lapas.binadik')?.key).toBe('password_is_username');
  });

  it('refuses common passwords, including Indonesian ones and the demo password', () => {
    for (const common of ['password123', 'Bismillah123', 'sinergi-demo', '1234567890', 'aaaaaaaaaaaa']) {
      expect(checkPasswordPolicy(common, 'dewi')?.key).toBe('password_common');
    }
  });
});

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one or a malformed hash', async () => {
    const hash = await hashPassword('Batik-Pramesti-77');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Batik-Pramesti-77')).toBe(true);
    expect(await verifyPassword(hash, 'batik-pramesti-77')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything')).toBe(false);
  });

  it('generates temporary passwords that pass the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const temporary = generateTemporaryPassword();
      expect(temporary).toHaveLength(16);
      expect(checkPasswordPolicy(temporary, 'dewi')).toBeNull();
      seen.add(temporary);
    }
    expect(seen.size).toBe(50);
  });
});
