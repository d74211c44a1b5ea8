/** The sidebar's entries. A feature adds its pages here; `permission` hides an entry
 * from people who may not use it (the server still refuses them). */
import type { Component } from 'svelte';
import BookmarkIcon from '@lucide/svelte/icons/bookmark';
import CableIcon from '@lucide/svelte/icons/cable';
import ClapperboardIcon from '@lucide/svelte/icons/clapperboard';
import FilmIcon from '@lucide/svelte/icons/film';
import FolderCogIcon from '@lucide/svelte/icons/folder-cog';
import GaugeIcon from '@lucide/svelte/icons/gauge';
import ListChecksIcon from '@lucide/svelte/icons/list-checks';
import ScrollTextIcon from '@lucide/svelte/icons/scroll-text';
import ShieldIcon from '@lucide/svelte/icons/shield';
import UsersIcon from '@lucide/svelte/icons/users';
import HistoryIcon from '@lucide/svelte/icons/history';
import HouseIcon from '@lucide/svelte/icons/house';
import LibraryBigIcon from '@lucide/svelte/icons/library-big';
import KeyRoundIcon from '@lucide/svelte/icons/key-round';
import LanguagesIcon from '@lucide/svelte/icons/languages';
import MonitorSmartphoneIcon from '@lucide/svelte/icons/monitor-smartphone';
import ServerCogIcon from '@lucide/svelte/icons/server-cog';
import ShieldCheckIcon from '@lucide/svelte/icons/shield-check';
import UserRoundIcon from '@lucide/svelte/icons/user-round';
import type { Permission } from '$lib/auth/session.svelte';

export interface NavItem {
	href: string;
	/** An i18n key. */
	label: string;
	icon: Component;
	permission?: Permission;
	/** Current (and its permission applies) only on exactly this path, not below it. */
	exact?: boolean;
}

export interface NavSection {
	/** An i18n key, or null for the untitled first section. */
	title: string | null;
	items: NavItem[];
}

export const NAV: NavSection[] = [
	{
		title: null,
		items: [
			{ href: '/', label: 'nav.home', icon: HouseIcon, exact: true },
			{ href: '/movies', label: 'nav.movies', icon: FilmIcon, permission: 'library.read' },
			{ href: '/collections', label: 'nav.collections', icon: LibraryBigIcon, permission: 'library.read' },
			{ href: '/watchlist', label: 'nav.watchlist', icon: BookmarkIcon, permission: 'library.read' },
			{ href: '/history', label: 'nav.history', icon: HistoryIcon, permission: 'library.read' }
		]
	},
	{
		title: 'nav.settings',
		items: [
			{ href: '/settings/account', label: 'nav.account', icon: UserRoundIcon },
			{ href: '/settings/security', label: 'nav.security', icon: ShieldCheckIcon },
			{ href: '/settings/sessions', label: 'nav.sessions', icon: MonitorSmartphoneIcon },
			{ href: '/settings/api-keys', label: 'nav.apiKeys', icon: KeyRoundIcon },
			{ href: '/settings/playback', label: 'prefs.nav.playback', icon: ClapperboardIcon },
			{ href: '/settings/language', label: 'prefs.nav.language', icon: LanguagesIcon }
		]
	},
	{
		title: 'nav.admin',
		items: [
			{ href: '/admin', label: 'console.nav.dashboard', icon: GaugeIcon, permission: 'settings.manage', exact: true },
			{ href: '/admin/libraries', label: 'nav.libraries', icon: FolderCogIcon, permission: 'library.manage' },
			{ href: '/admin/users', label: 'console.nav.users', icon: UsersIcon, permission: 'users.manage' },
			{ href: '/admin/roles', label: 'console.nav.roles', icon: ShieldIcon, permission: 'users.manage' },
			{ href: '/admin/jobs', label: 'console.nav.jobs', icon: ListChecksIcon, permission: 'library.manage' },
			{ href: '/admin/audit', label: 'console.nav.audit', icon: ScrollTextIcon, permission: 'audit.read' },
			{ href: '/admin/settings', label: 'serverSettings.nav', icon: ServerCogIcon, permission: 'settings.manage' },
			{ href: '/admin/radarr', label: 'radarr.nav', icon: CableIcon, permission: 'integrations.manage' }
		]
	}
];

/** Whether the entry is the page at `pathname` (or, unless exact, one of its sub-pages). */
export function isCurrent(item: NavItem, pathname: string): boolean {
	const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
	return path === item.href || (!item.exact && path.startsWith(`${item.href}/`));
}

/** The permission an /admin page needs: its entry's, the longest matching one; null (the
 * 403 page) for a path no entry names. */
export function adminPermission(pathname: string): Permission | null {
	const section = NAV.find((s) => s.title === 'nav.admin');
	const matches = (section?.items ?? []).filter((i) => isCurrent(i, pathname));
	const item = matches.sort((a, b) => b.href.length - a.href.length)[0];
	return item?.permission ?? null;
}
