import { z } from 'zod';
import {
  acceptInvitationBodySchema,
  inviteMemberBodySchema,
  itemsSchema,
  membersViewSchema,
  myPartnerSchema,
  partnerInvitationSchema,
} from '@tourconnect/contracts/http';
import type { ServiceApp } from '@tourconnect/service-kit';
import type { PartnersContext } from '../domain/context.ts';
import { acceptInvitation, declineInvitation, myInvitations } from '../domain/invitations.ts';
import { inviteMember, listMyMembers, removeMember, transferOwnership, withdrawInvitation } from '../domain/members.ts';
import { bearer, callerOf, idParams, noContent, requestMeta } from './route-helpers.ts';

const tags = ['partner members'];
const userParams = z.object({ userId: z.uuid({ message: 'invalid_id' }) });

/** Members of the caller's partner, and invitations addressed to the caller. */
export function membersRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.get(
    '/api/partners/me/members',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Members and pending invitations',
        security: bearer,
        response: { 200: membersViewSchema },
      },
    },
    async (request) => listMyMembers(ctx, callerOf(request)),
  );

  app.post(
    '/api/partners/me/members',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Invite someone by e-mail (owner)',
        security: bearer,
        body: inviteMemberBodySchema,
        response: { 201: partnerInvitationSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 hour' } },
    },
    async (request, reply) =>
      reply.status(201).send(await inviteMember(ctx, callerOf(request), request.body, requestMeta(request))),
  );

  app.delete(
    '/api/partners/me/members/:userId',
    {
      preHandler: app.requireUser(),
      schema: { tags, summary: 'Remove a member (owner)', security: bearer, params: userParams, response: noContent },
    },
    async (request, reply) => {
      await removeMember(ctx, callerOf(request), request.params.userId, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/partners/me/members/:userId/make-owner',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Hand ownership to another member (owner; the former owner becomes a manager)',
        security: bearer,
        params: userParams,
        response: { 200: membersViewSchema },
      },
    },
    async (request) => transferOwnership(ctx, callerOf(request), request.params.userId, requestMeta(request)),
  );

  app.delete(
    '/api/partners/me/invitations/:id',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Withdraw an invitation (owner)',
        security: bearer,
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await withdrawInvitation(ctx, callerOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );

  invitationRoutes(app, ctx);
}

/** The invitee's side: invitations addressed to the caller's e-mail. */
function invitationRoutes(app: ServiceApp, ctx: PartnersContext): void {
  app.get(
    '/api/partners/invitations',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: "Live invitations to the caller's verified e-mail",
        security: bearer,
        response: { 200: itemsSchema(partnerInvitationSchema) },
      },
    },
    async (request) => ({ items: await myInvitations(ctx, callerOf(request)) }),
  );

  // The link e-mailed to the invited address carries the secret; the old id-only route
  // (`/invitations/:id/accept`) is gone, since an id proves nothing about who holds the address.
  app.post(
    '/api/partners/invitations/accept',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Accept an invitation by its e-mailed link (verified e-mail, the invited address)',
        security: bearer,
        body: acceptInvitationBodySchema,
        response: { 200: myPartnerSchema },
      },
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request) => acceptInvitation(ctx, callerOf(request), request.body.token, requestMeta(request)),
  );

  app.post(
    '/api/partners/invitations/:id/decline',
    {
      preHandler: app.requireUser(),
      schema: {
        tags,
        summary: 'Decline an invitation to the caller’s verified e-mail',
        security: bearer,
        params: idParams,
        response: noContent,
      },
    },
    async (request, reply) => {
      await declineInvitation(ctx, callerOf(request), request.params.id, requestMeta(request));
      return reply.status(204).send(null);
    },
  );
}
