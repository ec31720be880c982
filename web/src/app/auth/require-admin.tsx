import { Outlet } from 'react-router';
import { ForbiddenPage } from '../../features/errors/pages/forbidden-page';
import { useCurrentUser } from './require-auth';

/** Routes below this one are for administrators; others see the 403 page. */
export function RequireAdmin() {
  const user = useCurrentUser();
  return user.role === 'admin' ? <Outlet /> : <ForbiddenPage />;
}
