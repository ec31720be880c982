import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  HomeOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../features/auth/api';
import { useT, type MessageKey } from '../i18n';

interface NavEntry {
  path: string;
  label: MessageKey;
  icon?: React.ReactNode;
  children?: NavEntry[];
  adminOnly?: boolean;
}

const navEntries: NavEntry[] = [
  { path: '/', label: 'nav.home', icon: <HomeOutlined /> },
  {
    path: '/directory',
    label: 'nav.directory',
    icon: <ApartmentOutlined />,
    children: [
      { path: '/directory/organizations', label: 'nav.organizations' },
      { path: '/directory/people', label: 'nav.people' },
      { path: '/directory/networks', label: 'nav.networks' },
      { path: '/directory/industries', label: 'nav.industries' },
      { path: '/directory/places', label: 'nav.places' },
    ],
  },
  {
    path: '/needs-menu',
    label: 'nav.needs',
    icon: <SolutionOutlined />,
    children: [
      { path: '/needs', label: 'nav.needsList' },
      { path: '/needs/inbox', label: 'nav.needsInbox' },
      { path: '/needs/calendar', label: 'nav.needsCalendar', adminOnly: true },
      { path: '/needs/registrations', label: 'nav.needsRegistrations' },
      { path: '/needs/projects', label: 'nav.needsProjects' },
      { path: '/needs/weights', label: 'nav.needsWeights', adminOnly: true },
    ],
  },
  { path: '/events', label: 'nav.events', icon: <CalendarOutlined /> },
  { path: '/reports', label: 'nav.reports', icon: <FileTextOutlined /> },
  { path: '/map', label: 'nav.map', icon: <EnvironmentOutlined /> },
  { path: '/stats', label: 'nav.stats', icon: <BarChartOutlined /> },
  {
    path: '/admin',
    label: 'nav.admin',
    icon: <SettingOutlined />,
    adminOnly: true,
    children: [
      { path: '/admin/users', label: 'nav.users', icon: <TeamOutlined /> },
      { path: '/admin/audit', label: 'nav.audit', icon: <AuditOutlined /> },
    ],
  },
];

function leafPaths(entries: NavEntry[]): string[] {
  return entries.flatMap((entry) => (entry.children ? leafPaths(entry.children) : [entry.path]));
}

/** The navigation entry a URL belongs to: the longest leaf path that prefixes it. */
function selectedPath(pathname: string, entries: NavEntry[]): string | undefined {
  return leafPaths(entries)
    .filter((path) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

export function NavMenu({ role, collapsed }: { role: Role; collapsed: boolean }) {
  const t = useT();
  const { pathname } = useLocation();
  const entries = useMemo(() => navEntries.filter((entry) => !entry.adminOnly || role === 'admin'), [role]);
  const selected = selectedPath(pathname, entries);
  const parent = entries.find((entry) => entry.children?.some((child) => child.path === selected));
  const [openKeys, setOpenKeys] = useState<string[]>(() => (parent ? [parent.path] : ['/directory']));
  const parentPath = parent?.path;

  // Navigating into a section (by link, card or address bar) opens its submenu.
  useEffect(() => {
    if (parentPath) setOpenKeys((keys) => (keys.includes(parentPath) ? keys : [...keys, parentPath]));
  }, [parentPath]);

  const items: MenuProps['items'] = entries.map((entry) =>
    entry.children
      ? {
          key: entry.path,
          icon: entry.icon,
          label: t(entry.label),
          children: entry.children.filter((child) => !child.adminOnly || role === 'admin').map((child) => ({
            key: child.path,
            icon: child.icon,
            label: <Link to={child.path}>{t(child.label)}</Link>,
          })),
        }
      : { key: entry.path, icon: entry.icon, label: <Link to={entry.path}>{t(entry.label)}</Link> },
  );

  return (
    <Menu
      theme="dark"
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      openKeys={collapsed ? undefined : openKeys}
      onOpenChange={setOpenKeys}
    />
  );
}
