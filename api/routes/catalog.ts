import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addWorkingDays, countsThroughProvisionalYear, InvalidDateError, MAX_DAY_COUNT, registrationDay } from '../../domain/calendar';
import { catalog, COMPLAINT_ADDRESSEE_IDS, COMPLAINT_SUBJECTS, findService } from '../../flows/catalog';
import { serviceSummary, serviceView } from '../../flows/catalog/present';
import { ApiError, apiError } from '../errors';

/** HH:MM on the 24-hour clock. */
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const Lang = z.object({ lang: z.enum(['kk', 'ru']).default('ru') });
const ServiceSummary = z.object({ id: z.string(), title: z.string(), audience: z.enum(['citizen', 'organisation']) });
const ServiceDetail = ServiceSummary.extend({
  provider: z.string(),
  channels: z.array(z.enum(['provider_office', 'state_corporation', 'egov_portal', 'other'])),
  term: z.object({ workingDays: z.number().optional(), calendarDays: z.number().optional(), text: z.string() }),
  fee: z.object({
    free: z.boolean().describe('True only when the rules say the service is free of charge.'),
    stated: z
      .boolean()
      .describe('False when the rules do not state a fee at all: then `free` is false without meaning that the service is paid, and `text` says the fee is not stated and offers to check at 1414.'),
    text: z.string(),
  }),
  result: z.string(),
  documents: z.array(z.object({ id: z.string(), text: z.string(), required: z.enum(['always', 'conditional']), condition: z.string().optional(), channels: z.array(z.string()).optional() })),
  refusalGrounds: z.array(z.string()),
  homeVisit: z.boolean(),
  sources: z.array(z.string()),
  notes: z.array(z.string()),
  questions: z
    .array(
      z.object({
        id: z.string(),
        text: z.string(),
        options: z.array(z.object({ id: z.string(), label: z.string() })),
        multiple: z.literal(true).optional().describe('The citizen may choose several options; the answer then holds their ids joined by commas (additive).'),
      }),
    )
    .describe(
      'The questions that personalise the checklist, in the requested language, each with its options (additive). ' +
        'They name the ids of the answers a conversation collected: `answers[question.id] = option.id`.',
    ),
  noDocuments: z.string().optional().describe('Where the source names no documents for a case (or none at all, `documents` then empty): what it says instead, with whom to ask (additive).'),
  complaint: z
    .object({
      addressees: z
        .array(
          z.object({
            id: z.enum(COMPLAINT_ADDRESSEE_IDS),
            against: z
              .array(z.enum(COMPLAINT_SUBJECTS))
              .describe('What it receives complaints about: `provider` (its decisions and actions), `state_corporation` (an employee of the State Corporation), `result` (the result of the service).'),
            name: z.string(),
            address: z.string().optional(),
            reviewWorkingDays: z.number().describe('Working days from registration within which it must answer.'),
          }),
        )
        .describe('Who receives a complaint, in the order the rules name them.'),
      extension: z
        .object({ maxWorkingDays: z.number(), noticeWorkingDays: z.number(), text: z.string() })
        .optional()
        .describe('Only where the rules state it: the longest extension of the review, and within how many working days the applicant is told of it.'),
      forwarding: z.object({ workingDays: z.number(), text: z.string() }).optional().describe('Only where the rules state it: within how many working days the provider sends a complaint on.'),
      court: z.object({ text: z.string() }),
      summary: z.string().describe('The procedure in a few plain sentences for citizens.'),
      notes: z.array(z.string()).describe('Where the rules are silent or unclear about complaints; they offer 1414.'),
    })
    .describe('How to complain about the service, from its own rules (additive).'),
});

/** The public catalog and the working-day calculator (DESIGN.md §6). */
export const catalogRoutes: FastifyPluginAsync = async (fastify) => {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get('/api/services', {
    schema: { tags: ['catalog'], summary: 'State services the assistant knows', querystring: Lang, response: { 200: z.array(ServiceSummary) } },
    handler: async (request) => catalog.map((s) => serviceSummary(s, request.query.lang)),
  });

  app.get('/api/services/:id', {
    schema: {
      tags: ['catalog'],
      summary: 'One service: channels, term, fee, documents, refusal grounds, sources',
      params: z.object({ id: z.string().max(64) }),
      querystring: Lang,
      response: { 200: ServiceDetail, 404: ApiError },
    },
    handler: async (request, reply) => {
      const service = findService(request.params.id);
      if (!service) return reply.code(404).send(apiError('service_not_found', `No service ${request.params.id}`));
      return serviceView(service, request.query.lang);
    },
  });

  app.get('/api/calendar/deadline', {
    schema: {
      tags: ['calendar'],
      summary: 'The N-th working day after a date on the Kazakhstan calendar (the start day is not counted)',
      description:
        'With `at`, the time the application is made on `from`, the answer adds the registration day under the after-hours rule ' +
        '(an application made on a day off, or at or after `closesAt` on a working day, is registered on the next working day) ' +
        'and the deadline counted from it. `from`, `workingDays` and `deadline` mean the same with or without it.',
      querystring: z
        .object({
          from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
          workingDays: z.coerce.number().int().min(0).max(MAX_DAY_COUNT),
          at: z.string().regex(CLOCK_TIME, 'must be HH:MM').optional().describe('Time the application is made on `from`, HH:MM, Asia/Almaty (UTC+5).'),
          closesAt: z
            .string()
            .regex(CLOCK_TIME, 'must be HH:MM')
            .optional()
            .describe('End of the working day on the channel, HH:MM, Asia/Almaty; needs `at`. Omitted: only days off move the registration.'),
        })
        .refine((q) => q.closesAt === undefined || q.at !== undefined, { message: 'closesAt needs at', path: ['closesAt'] }),
      response: {
        200: z.object({
          from: z.string(),
          workingDays: z.number(),
          deadline: z.string(),
          registeredOn: z.string().optional().describe('With `at`: the day the application is registered, `from` or the next working day.'),
          deadlineFromRegistration: z.string().optional().describe('With `at`: the N-th working day after `registeredOn`.'),
          provisional: z
            .literal(true)
            .optional()
            .describe('Present when the count runs through a year whose days off are not yet all decreed (e.g. 2027): the dates hold by the calendar as it stands today (additive).'),
        }),
        400: ApiError,
      },
    },
    handler: async (request, reply) => {
      const { from, workingDays, at, closesAt } = request.query;
      try {
        const deadline = addWorkingDays(from, workingDays);
        const registration = at === undefined ? undefined : registrationDay(from, at, closesAt).date;
        const counted = registration === undefined ? {} : { registeredOn: registration, deadlineFromRegistration: addWorkingDays(registration, workingDays) };
        const last = counted.deadlineFromRegistration ?? deadline;
        return { from, workingDays, deadline, ...counted, ...(countsThroughProvisionalYear(from, last) ? { provisional: true as const } : {}) };
      } catch (error) {
        if (error instanceof InvalidDateError) return reply.code(400).send(apiError('invalid_date', error.message));
        throw error;
      }
    },
  });
};
