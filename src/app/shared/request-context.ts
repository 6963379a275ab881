import type { Actor } from '../../domain/shared/access/actor.ts';

/** Who is acting and from where: passed to every use case. */
export interface RequestContext {
  readonly actor: Actor | null;
  readonly requestId: string | null;
  readonly ip: string | null;
  /** Set only for the operator's own command line (`hearth create-user`, `hearth seed`). */
  readonly system?: { readonly label: string };
}

export const systemContext = (label: string): RequestContext => ({ actor: null, requestId: null, ip: null, system: { label } });
