import { Outlet } from 'react-router';
import { StatusPage } from '../components/StatusPage.tsx';
import { useSession } from '../features/auth/api/session.ts';
import { type Access, accessFor } from '../lib/access.ts';

/** Routes below it show "access denied" unless the user holds the given access. */
export function RequireAccess({ need }: { need: keyof Access }) {
  const me = useSession();
  return accessFor(me.permissions)[need] ? <Outlet /> : <StatusPage kind="forbidden" />;
}
