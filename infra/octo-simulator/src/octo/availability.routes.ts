// POST /availability and POST /availability/calendar.
import type { FastifyInstance } from 'fastify';
import { availabilityCalendar, checkAvailability } from '../availability/availability-query.ts';
import { parseAvailabilityRequest } from '../availability/availability-request.ts';
import { octoContext } from './context.ts';

export function registerAvailabilityRoutes(app: FastifyInstance): void {
  app.post('/availability', async (request) => {
    const { state, caps, now } = octoContext(request);
    const req = parseAvailabilityRequest(state, request.body, now, caps, false);
    return checkAvailability(state, req, now, caps);
  });

  app.post('/availability/calendar', async (request) => {
    const { state, caps, now } = octoContext(request);
    const req = parseAvailabilityRequest(state, request.body, now, caps, true);
    return availabilityCalendar(state, req, now, caps);
  });
}
