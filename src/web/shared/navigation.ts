// The MOJ primary navigation: what each signed-in user sees depends on what they may do.
import type { Actor } from '../../domain/shared/access/actor.ts';
import { can } from '../../domain/shared/access/permissions.ts';
import { paths } from './paths.ts';

export interface NavItem {
  readonly text: string;
  readonly href: string;
  readonly active: boolean;
}

export function navigationFor(actor: Actor, currentUrl: string): NavItem[] {
  const path = currentUrl.split('?')[0] ?? '';
  const items: { text: string; href: string }[] = [];
  if (can(actor, 'work:view-own')) items.push({ text: 'My work', href: paths.myWork() });
  if (can(actor, 'people:search')) items.push({ text: 'People', href: paths.people() });
  if (can(actor, 'front-door:view-queue')) items.push({ text: 'MASH queue', href: paths.mashQueue() });
  if (can(actor, 'casework:view-referrals')) items.push({ text: 'Referrals', href: paths.referrals() });
  if (can(actor, 'early-help:view-queue')) items.push({ text: 'Early help', href: paths.earlyHelpQueue() });
  if (can(actor, 'front-door:view-dashboard')) items.push({ text: 'MASH dashboard', href: paths.mashDashboard() });
  if (can(actor, 'returns:build')) items.push({ text: 'Returns', href: paths.returns() });
  if (can(actor, 'child-protection:chair')) items.push({ text: 'CP conferences', href: '/child-protection/conferences' });
  if (can(actor, 'child-protection:view-dashboard')) items.push({ text: 'CP dashboard', href: '/child-protection/dashboard' });
  items.push({ text: 'Teams', href: paths.teams() });
  if (can(actor, 'admin:manage-users')) {
    items.push({ text: 'Users', href: paths.adminUsers() });
    items.push({ text: 'Audit', href: paths.adminAudit() });
  }
  return items.map((item) => ({ ...item, active: path === item.href || path.startsWith(`${item.href}/`) }));
}
