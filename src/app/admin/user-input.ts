// The one schema for a staff account's details, used by the admin pages, the JSON API and the CLI.
import { z } from 'zod';
import { ROLES } from '../../domain/shared/access/roles.ts';
import { optionalSafeText, safeText } from '../shared/safe-text.ts';

export const MESSAGES = {
  usernameRequired: 'Enter a username',
  usernameFormat: 'Username must be 2 to 63 characters: lower-case letters, numbers, dots, hyphens or underscores, starting with a letter or number',
  displayNameRequired: 'Enter the person’s full name',
  displayNameTooLong: 'Full name must be 200 characters or fewer',
  emailFormat: 'Enter an email address in the correct format, like name@example.gov.uk',
  passwordRequired: 'Enter a password',
  passwordTooShort: 'Password must be 12 characters or more',
  passwordTooLong: 'Password must be 200 characters or fewer',
  roleRequired: 'Select at least one role',
  roleInvalid: 'Select a role from the list',
  teamInvalid: 'Select a team from the list',
  managerNotMember: 'A person can only manage a team they are a member of',
} as const;

const uuid = z.uuid({ error: MESSAGES.teamInvalid });

export const userAccessInput = z.object({
  roles: z.array(z.enum(ROLES, { error: MESSAGES.roleInvalid })).min(1, { error: MESSAGES.roleRequired }).max(ROLES.length),
  teamIds: z.array(uuid).max(50).default([]),
  managedTeamIds: z.array(uuid).max(50).default([]),
});

const userAccessRefined = <T extends z.ZodType<{ teamIds: string[]; managedTeamIds: string[] }>>(schema: T) =>
  schema.superRefine((value, ctx) => {
    if (value.managedTeamIds.some((id) => !value.teamIds.includes(id))) {
      ctx.addIssue({ code: 'custom', path: ['managedTeamIds'], message: MESSAGES.managerNotMember });
    }
  });

export const createUserInput = userAccessRefined(
  z.object({
    username: z
      .string({ error: MESSAGES.usernameRequired })
      .trim()
      .toLowerCase()
      .min(1, { error: MESSAGES.usernameRequired })
      .regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, { error: MESSAGES.usernameFormat }),
    displayName: safeText({ required: MESSAGES.displayNameRequired, tooLong: MESSAGES.displayNameTooLong }, 200),
    email: optionalSafeText(320).pipe(z.email({ error: MESSAGES.emailFormat }).optional()),
    password: z
      .string({ error: MESSAGES.passwordRequired })
      .min(1, { error: MESSAGES.passwordRequired })
      .min(12, { error: MESSAGES.passwordTooShort })
      .max(200, { error: MESSAGES.passwordTooLong }),
    ...userAccessInput.shape,
  }),
);

export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserAccessInput = userAccessRefined(
  z.object({
    ...userAccessInput.shape,
    active: z.boolean(),
    version: z.number().int().positive(),
  }),
);

export type UpdateUserAccessInput = z.infer<typeof updateUserAccessInput>;
