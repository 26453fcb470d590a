// @yizhan/server — the HTTP API (express 5), authentication and org scoping, OpenAPI, `yizhan serve`.
export { createApp, formValidator, API_VERSION, type AppOptions, type YizhanApp } from './app';
export { serve, type ServeOptions, type RunningServer } from './serve';
export { buildOpenApi, toOpenApiPath } from './openapi';
export { ERROR_STATUS, toErrorBody, ApiError, type ErrorBody } from './http-errors';
export { ROLES, PERMISSIONS, can, type Role, type Permission } from './roles';
export { scopeOf, type Scope } from './scope';
export { UserRepository, type User, type NewUser } from './users';
export { OrgDirectory, mergeOrgModels } from './org-directory';
export { ensureDemoUsers, DEMO_ORG, DEMO_PASSWORD } from './demo';
export { maskName, maskIdNumber, maskPhone, maskText } from './mask';
export type { RouteDef } from './registry';
export { openServerDatabase, SERVER_MIGRATIONS } from './database';
