// Roles and what each may do. Handlers declare the permission they need; org scoping (which
// cases and tasks) is applied on top of this in the queries (see scope.ts). The model itself is
// shared with `yizhan pack test` (@yizhan/packs, people.ts), so scenarios act as users do here.
export { ROLES, ROLE_LABELS, PERMISSIONS, can, isRole, type Role, type Permission } from '@yizhan/packs';
