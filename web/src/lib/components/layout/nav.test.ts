import { describe, expect, it } from 'vitest';
import { adminPermission, NAV } from './nav';

describe('adminPermission', () => {
	it('gives each admin page the permission of its own entry, not the dashboard’s', () => {
		expect(adminPermission('/admin')).toBe('settings.manage');
		expect(adminPermission('/admin/')).toBe('settings.manage');
		expect(adminPermission('/admin/libraries')).toBe('library.manage');
		expect(adminPermission('/admin/users')).toBe('users.manage');
		expect(adminPermission('/admin/audit')).toBe('audit.read');
		expect(adminPermission('/admin/jobs')).toBe('library.manage');
	});

	it('names no permission (the 403 page) for a path no entry names', () => {
		expect(adminPermission('/admin/no-such-page')).toBeNull();
		expect(adminPermission('/administrators')).toBeNull();
		expect(adminPermission('/admin/users/someone')).toBe('users.manage');
	});

	it('has a permission on every admin entry', () => {
		const admin = NAV.find((s) => s.title === 'nav.admin');
		expect(admin?.items.every((i) => i.permission)).toBe(true);
	});
});
