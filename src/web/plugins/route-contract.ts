// A route cannot exist without saying who may reach it and what it audits (CONVENTIONS.md 7):
// the server refuses to start if one is missing. Static assets are the one declared exception.
import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { isPermission } from '../../domain/shared/access/permissions.ts';

export const ASSET_PREFIX = '/assets/';

export interface RouteContractEntry {
  readonly method: string;
  readonly url: string;
  readonly permission: string;
  readonly audit: string;
}

export class RouteContractError extends Error {}

export function checkRouteContract(route: RouteOptions): RouteContractEntry[] {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  if (route.url.startsWith(ASSET_PREFIX) || route.url === ASSET_PREFIX.slice(0, -1)) {
    route.config = { ...route.config, permission: 'public', audit: 'none' };
  }
  const permission = route.config?.permission;
  const audit = route.config?.audit;
  if (permission === undefined || !(permission === 'public' || permission === 'signed-in' || isPermission(permission))) {
    throw new RouteContractError(`Route ${methods.join(',')} ${route.url} must declare config.permission`);
  }
  if (audit === undefined || audit === '') {
    throw new RouteContractError(`Route ${methods.join(',')} ${route.url} must declare config.audit (an event name or 'none')`);
  }
  return methods.map((method) => ({ method, url: route.url, permission, audit }));
}

export const routeContractPlugin = fp(
  async (app: FastifyInstance, options: { registry: RouteContractEntry[] }) => {
    app.addHook('onRoute', (route) => {
      options.registry.push(...checkRouteContract(route));
    });
  },
  { name: 'hearth-route-contract' },
);
