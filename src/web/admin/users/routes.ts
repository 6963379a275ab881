import { csrfGuard } from '../../shared/csrf.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { createUser } from '../../../app/admin/create-user.ts';
import { teamChoices, viewUser, viewUsers } from '../../../app/admin/queries.ts';
import { updateUserAccess } from '../../../app/admin/update-user-access.ts';
import { createUserInput, updateUserAccessInput } from '../../../app/admin/user-input.ts';
import { takeRescuedForm } from '../../../app/drafts/rescued-forms.ts';
import type { AppDeps } from '../../../app/shared/deps.ts';
import { NotFoundError, StaleVersionError, ValidationError, type FieldErrors } from '../../../app/shared/errors.ts';
import { fieldErrorsOf } from '../../../app/shared/safe-text.ts';
import { ROLES, ROLE_LABELS } from '../../../domain/shared/access/roles.ts';
import { asArray, asString, errorSummary, errorsByField, formBody, type FormBody } from '../../shared/forms.ts';
import { paths } from '../../shared/paths.ts';
import { requestContext } from '../../shared/request-context.ts';
import { submissionOf } from '../../shared/submission.ts';

const CREATE_FIELDS = ['displayName', 'username', 'email', 'password', 'roles', 'teamIds', 'managedTeamIds'];
const EDIT_FIELDS = ['roles', 'teamIds', 'managedTeamIds', 'active'];
const userIdParams = z.object({ userId: z.uuid() });

const roleItems = (selected: readonly string[]) => ROLES.map((role) => ({ value: role, text: ROLE_LABELS[role], checked: selected.includes(role) }));

function formValues(body: FormBody) {
  return {
    displayName: asString(body['displayName']) ?? '',
    username: asString(body['username']) ?? '',
    email: asString(body['email']) ?? '',
    roles: asArray(body['roles']),
    teamIds: asArray(body['teamIds']),
    managedTeamIds: asArray(body['managedTeamIds']),
    active: asString(body['active']),
    version: asString(body['version']),
  };
}

export async function adminUserRoutes(app: FastifyInstance, options: { deps: AppDeps }): Promise<void> {
  const { deps } = options;
  const config = (audit: string) => ({ permission: 'admin:manage-users' as const, audit });

  async function renderForm(reply: FastifyReply, template: string, values: ReturnType<typeof formValues>, errors: FieldErrors, extra: Record<string, unknown> = {}) {
    const teams = await teamChoices(deps);
    const fieldOrder = template.includes('new') ? CREATE_FIELDS : EDIT_FIELDS;
    return reply.view(template, {
      values,
      roleItems: roleItems(values.roles),
      teamItems: teams.map((t) => ({ value: t.id, text: t.name, checked: values.teamIds.includes(t.id) })),
      managedTeamItems: teams.map((t) => ({ value: t.id, text: t.name, checked: values.managedTeamIds.includes(t.id) })),
      errorList: errorSummary(errors, fieldOrder),
      errors: errorsByField(errors),
      ...extra,
    });
  }

  app.get('/admin/users', { config: config('none') }, async (request, reply) => {
    const users = await viewUsers(deps, requestContext(request));
    return reply.view('admin/users/list.njk', { users, created: (request.query as Record<string, string>)['created'] === '1' });
  });

  app.get('/admin/users/new', { config: config('none') }, async (request, reply) => {
    const rescued = await takeRescuedForm(deps, requestContext(request), paths.adminNewUser());
    return renderForm(reply, 'admin/users/new.njk', formValues(rescued ?? {}), {}, { rescued: rescued !== null });
  });

  app.post('/admin/users/new', { config: config('admin.user.created'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const body = formBody(request.body);
    const values = formValues(body);
    const parsed = createUserInput.safeParse({ ...values, email: values.email, password: asString(body['password']) });
    if (!parsed.success) return renderForm(reply.code(400), 'admin/users/new.njk', values, fieldErrorsOf(parsed.error));
    const location = `${paths.adminUsers()}?created=1`;
    try {
      // A double click or a retry carries the same `_submission` token: one account, same answer.
      await createUser(deps, requestContext(request), parsed.data, submissionOf(request, parsed.data, location));
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(reply.code(400), 'admin/users/new.njk', values, error.fieldErrors);
      throw error;
    }
    return reply.redirect(location, 303);
  });

  app.get('/admin/users/:userId', { config: config('none') }, async (request, reply) => {
    const params = userIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('User');
    const user = await viewUser(deps, requestContext(request), params.data.userId);
    const rescued = await takeRescuedForm(deps, requestContext(request), paths.adminUser(user.id));
    const values =
      rescued === null
        ? {
            ...formValues({}),
            roles: [...user.roles],
            teamIds: user.teams.map((t) => t.teamId),
            managedTeamIds: user.teams.filter((t) => t.isManager).map((t) => t.teamId),
            active: user.active ? 'yes' : 'no',
            version: String(user.version),
          }
        : formValues(rescued);
    return renderForm(reply, 'admin/users/edit.njk', values, {}, { user, rescued: rescued !== null, saved: (request.query as Record<string, string>)['saved'] === '1' });
  });

  app.post('/admin/users/:userId', { config: config('admin.user-access.changed'), preHandler: csrfGuard(app) }, async (request, reply) => {
    const params = userIdParams.safeParse(request.params);
    if (!params.success) throw new NotFoundError('User');
    const values = formValues(formBody(request.body));
    const user = await viewUser(deps, requestContext(request), params.data.userId);
    const parsed = updateUserAccessInput.safeParse({
      roles: values.roles,
      teamIds: values.teamIds,
      managedTeamIds: values.managedTeamIds,
      active: values.active === 'yes' ? true : values.active === 'no' ? false : undefined,
      version: Number(values.version),
    });
    if (!parsed.success) {
      const errors = fieldErrorsOf(parsed.error);
      if (errors['active'] !== undefined) errors['active'] = 'Select whether the account is active';
      return renderForm(reply.code(400), 'admin/users/edit.njk', values, errors, { user });
    }
    const location = `${paths.adminUser(user.id)}?saved=1`;
    try {
      await updateUserAccess(deps, requestContext(request), user.id, parsed.data, submissionOf(request, parsed.data, location));
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(reply.code(400), 'admin/users/edit.njk', values, error.fieldErrors, { user });
      if (error instanceof StaleVersionError) {
        // Read again: when two saves race, what was loaded above is older than the save that won.
        const current = await viewUser(deps, requestContext(request), user.id);
        return renderForm(reply.code(409), 'admin/users/edit.njk', { ...values, version: String(current.version) }, {}, { user: current, conflict: { current, yours: values } });
      }
      throw error;
    }
    return reply.redirect(location, 303);
  });
}
