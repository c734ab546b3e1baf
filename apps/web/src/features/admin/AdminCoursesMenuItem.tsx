import type { MeResponse } from '@9tangle/contracts';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The user menu's link to the review queue, for admins only. */
export function AdminCoursesMenuItem({ me, className }: { me: MeResponse; className: string }) {
  const { t } = useTranslation();
  if (me.user.role !== 'admin') return null;
  return (
    <DropdownMenu.Item asChild className={className}>
      <Link to="/admin/courses">{t('adminCourses.menuLink')}</Link>
    </DropdownMenu.Item>
  );
}
