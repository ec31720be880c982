import { useCurrentUser } from '../../app/auth/require-auth';

/** Administrators and coordinators write the directory (the server still checks the scope). */
export function useCanEditDirectory(): boolean {
  const user = useCurrentUser();
  return user.role === 'admin' || user.role === 'coordinator';
}
