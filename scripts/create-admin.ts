import { openDatabase } from '../src/server/db/connect.ts';
import { LAPAS_ID } from '../src/server/db/seed/reference.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';
import { auditAnonymous } from '../src/server/platform/audit/audit.ts';
import { generateTemporaryPassword, hashPassword } from '../src/server/platform/auth/password.ts';
import { USERNAME_PATTERN } from '../src/shared/vocabulary.ts';
import { runScript, ScriptError } from './script.ts';

// `npm run db:create-admin -- <username> "<full name>"`: the first system administrator of a real database
// (production seeds no accounts). Prints a temporary password once; it must be changed at first sign-in.
// The account belongs to the Lapas; an administrator can move it in the user screens afterwards.
await runScript(async (config) => {
  const [username = '', fullName = ''] = process.argv.slice(2);
  if (!USERNAME_PATTERN.test(username) || fullName.trim().length < 2) {
    throw new ScriptError(
      'Usage: npm run db:create-admin -- <username> "<full name>"  (username: 3–50 of a-z 0-9 . _ -)',
    );
  }
  const database = await openDatabase(config.database);
  try {
    await prepareDatabase(database.db, { demo: false });
    const temporaryPassword = generateTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    await database.db.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username)
        .executeTakeFirst();
      if (taken) throw new ScriptError(`The username "${username}" is already taken.`);
      const user = await trx
        .insertInto('app_user')
        .values({
          username,
          full_name: fullName.trim(),
          organization_id: LAPAS_ID,
          password_hash: passwordHash,
          must_change_password: true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('user_role').values({ user_id: user.id, role_code: 'system_admin' }).execute();
      await auditAnonymous(
        trx,
        { correlationId: 'db:create-admin', ip: 'console' },
        {
          action: 'user.created',
          subjectType: 'user',
          subjectId: user.id,
          subjectOrganizationId: LAPAS_ID,
          details: { username, organizationId: LAPAS_ID, roles: ['system_admin'], by: 'db:create-admin' },
        },
      );
    });
    console.log(`Administrator "${username}" created. Temporary password (shown once): ${temporaryPassword}`);
    console.log('She must choose her own password at first sign-in.');
  } finally {
    await database.close();
  }
});
