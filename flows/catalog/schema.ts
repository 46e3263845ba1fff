import { z } from 'zod';

/**
 * The service knowledge base. Every fact a citizen can be shown carries the seed passages it comes
 * from, and every text exists in Kazakh and Russian. `parseCatalog` validates the whole catalog at
 * start and in tests, so a missing translation or an uncited fact stops the build, not a citizen.
 */

export const SERVICE_IDS = [
  'duplicate-school',
  'duplicate-tvet',
  'duplicate-higher',
  'correct-education-document',
  'academic-leave',
  'free-meals',
  'tvet-admission',
  'dormitory',
  'transfer-reinstatement',
  'incomplete-education-certificate',
  'state-order-competition',
] as const;
export type ServiceId = (typeof SERVICE_IDS)[number];

export const CHANNEL_IDS = ['provider_office', 'state_corporation', 'egov_portal', 'other'] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export const SEED_FILES = ['000_89b8ef86f4446315.txt', '001_058569bc204a025c.txt', '002_3ac65400ac0ed134.txt', '003_b067d50d7d09009c.txt', '004_c8775394d60dbad5.txt'] as const;

const nonEmpty = z.string().trim().min(1);

export const LocalizedText = z.object({ kk: nonEmpty, ru: nonEmpty }).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A passage of a seed: the file, the article / appendix / row as the seed numbers it, and the lines. */
export const SourceRef = z
  .object({
    seed: z.enum(SEED_FILES),
    ref: nonEmpty, // e.g. "Rules art. 46", "App. 2, row 3(1)", "slide 'Академиялық демалыс'"
    lines: z
      .string()
      .regex(/^L\d+(-\d+)?$/)
      .optional(), // e.g. "L188-190"
  })
  .strict();
export type SourceRef = z.infer<typeof SourceRef>;

const sources = z.array(SourceRef).min(1);

/** A plain fact: a text and where it comes from. */
export const Fact = z.object({ text: LocalizedText, sources }).strict();
export type Fact = z.infer<typeof Fact>;

/**
 * A question that personalises the checklist. Options are short labels for buttons (≤ 40 chars
 * so that they fit an inline keyboard). `appliesWhen` hides the question unless earlier answers match.
 * `multiple`: the citizen may pick several options (e.g. two categories at once); the answer then
 * holds the chosen option ids joined by commas, and a condition holds when any of them is listed.
 */
export const Question = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    text: LocalizedText,
    options: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z][a-z0-9_]*$/),
            label: z.object({ kk: nonEmpty.max(40), ru: nonEmpty.max(40) }).strict(),
          })
          .strict(),
      )
      .min(2),
    appliesWhen: z.lazy(() => Condition).optional(),
    multiple: z.literal(true).optional(),
  })
  .strict();
export type Question = z.infer<typeof Question>;

/**
 * When a conditional item applies: every listed question must have one of the listed answers
 * (AND across questions, OR within one). The reserved question id `channel` holds the channel the
 * citizen chose (a ChannelId).
 */
export const Condition = z.record(z.string(), z.array(z.string()).min(1));
export type Condition = z.infer<typeof Condition>;

export const DocumentItem = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    text: LocalizedText, // the document, as the citizen should bring it
    explanation: LocalizedText.optional(), // why it is needed / what exactly counts, in plain words
    required: z.enum(['always', 'conditional']),
    condition: z
      .object({ text: LocalizedText, when: Condition }) // text: the condition as the citizen reads it
      .strict()
      .optional(),
    channels: z.array(z.enum(CHANNEL_IDS)).min(1).optional(), // omitted: every channel of the service
    sources,
  })
  .strict()
  .refine((d) => (d.required === 'conditional') === (d.condition !== undefined), {
    message: 'a conditional document needs a condition, and only a conditional one has it',
  });
export type DocumentItem = z.infer<typeof DocumentItem>;

export const TERM_KINDS = [
  'total', // the whole service term, from submission to result
  'provider_review', // the provider's own part of the term
  'sc_wait', // longest wait in the State Corporation queue
  'sc_service', // longest service time at the State Corporation desk
  'sc_storage', // how long the State Corporation keeps a ready result
  'other',
] as const;

export const Term = z
  .object({
    kind: z.enum(TERM_KINDS),
    workingDays: z.number().int().positive().optional(),
    calendarDays: z.number().int().positive().optional(),
    hours: z.number().positive().optional(),
    minutes: z.number().int().positive().optional(),
    months: z.number().int().positive().optional(),
    channels: z.array(z.enum(CHANNEL_IDS)).min(1).optional(), // omitted: every channel
    /** Applies when any of these conditions holds (omitted: always), e.g. the office is in another town. */
    when: z
      .array(z.lazy(() => Condition))
      .min(1)
      .optional(),
    text: LocalizedText,
    sources,
  })
  .strict();
export type Term = z.infer<typeof Term>;

export const Channel = z
  .object({
    id: z.enum(CHANNEL_IDS),
    text: LocalizedText, // where and how to apply through this channel, with what differs
    sources,
  })
  .strict();
export type Channel = z.infer<typeof Channel>;

const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM');

/**
 * The after-hours rule, only where the seed states it: an application made after working hours, on a
 * day off or a holiday is registered (on the portal: accepted, and the result issued) on the next
 * working day, and the term counts from that day. `channels` limits it (omitted: every channel of the
 * service). `closingTimes` give, per channel, the end of the working day that decides "after hours",
 * in Asia/Almaty time, where the seed gives one; on a channel without one only days off move the
 * registration.
 */
export const AfterHoursRule = z
  .object({
    channels: z.array(z.enum(CHANNEL_IDS)).min(1).optional(),
    closingTimes: z.array(z.object({ channels: z.array(z.enum(CHANNEL_IDS)).min(1), closesAt: ClockTime, sources }).strict()),
    text: LocalizedText,
    sources,
  })
  .strict();
export type AfterHoursRule = z.infer<typeof AfterHoursRule>;

/**
 * The fee. `stated: false` when the seed says nothing about a fee: the text says so and offers 1414,
 * and `free` is false only because freeness is not stated, never because a charge is.
 */
export const Fee = z
  .object({ free: z.boolean(), stated: z.boolean(), text: LocalizedText, sources })
  .strict()
  .refine((fee) => fee.stated || !fee.free, { message: 'a fee the seed does not state cannot be free' });
export type Fee = z.infer<typeof Fee>;

/** Who can receive a complaint about a service, and what a complaint can be about. */
export const COMPLAINT_ADDRESSEE_IDS = ['provider', 'state_corporation', 'authorised_body', 'ministry', 'akimat'] as const;
export type ComplaintAddresseeId = (typeof COMPLAINT_ADDRESSEE_IDS)[number];
export const COMPLAINT_SUBJECTS = ['provider', 'state_corporation', 'result'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

/**
 * One body that receives a complaint: `against` lists what it receives complaints about (the
 * provider's decisions and actions, a State Corporation employee, the result of the service), and
 * `reviewWorkingDays` is the term within which it must answer, counted from registration.
 */
export const ComplaintAddressee = z
  .object({
    id: z.enum(COMPLAINT_ADDRESSEE_IDS),
    against: z.array(z.enum(COMPLAINT_SUBJECTS)).min(1),
    name: LocalizedText,
    address: LocalizedText.optional(),
    reviewWorkingDays: z.number().int().positive(),
    sources,
  })
  .strict();
export type ComplaintAddressee = z.infer<typeof ComplaintAddressee>;

/**
 * The complaint procedure as the seed of the service gives it. `extension` and `forwarding` only
 * where the seed states them; `notes` say where it is silent or unclear (and offer 1414); `summary`
 * is what a citizen reads: who receives a complaint, in how many working days it is answered, court.
 */
export const Complaint = z
  .object({
    addressees: z.array(ComplaintAddressee).min(1),
    extension: z.object({ maxWorkingDays: z.number().int().positive(), noticeWorkingDays: z.number().int().positive(), text: LocalizedText, sources }).strict().optional(),
    forwarding: z.object({ workingDays: z.number().int().positive(), text: LocalizedText, sources }).strict().optional(),
    court: Fact,
    summary: LocalizedText,
    notes: z.array(Fact),
  })
  .strict()
  .superRefine((complaint, ctx) => {
    const ids = complaint.addressees.map((a) => a.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['addressees', i, 'id'], message: `two addressees ${id}` });
    });
  });
export type Complaint = z.infer<typeof Complaint>;

/** Levels of education, by the organisations that provide a service. */
export const EDUCATION_LEVELS = ['school', 'college', 'university'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

/** Application forms the product can fill and render as PDF. */
export const FORM_IDS = ['seed000-app1', 'seed000-app5', 'seed000-app7', 'seed001-annex1', 'seed004-app5'] as const;
export type FormId = (typeof FORM_IDS)[number];

export const Service = z
  .object({
    id: z.enum(SERVICE_IDS),
    audience: z.enum(['citizen', 'organisation']),
    title: LocalizedText, // the official name
    shortTitle: z.object({ kk: nonEmpty.max(40), ru: nonEmpty.max(40) }).strict(), // for buttons
    /** Whose organisations provide it, as its `provider` says: a complaint against "директор колледжа" is asked among these. */
    levels: z.array(z.enum(EDUCATION_LEVELS)).min(1),
    provider: Fact,
    applicants: Fact, // who may apply
    channels: z.array(Channel).min(1),
    /** The headline term: the one `GET /api/services/{id}` returns and deadlines are computed from. */
    term: Term,
    otherTerms: z.array(Term),
    fee: Fee,
    result: Fact,
    resultDelivery: z.array(Fact), // how and where the result is collected (SC, portal, eGov Mobile …)
    workingHours: z.array(Fact),
    afterHours: AfterHoursRule.optional(),
    questions: z.array(Question),
    documents: z.array(DocumentItem),
    /** Said instead of a list where the seed names no documents for the citizen's case, with whom to ask. */
    noDocuments: Fact.optional(),
    /** Said to a citizen who tells of a school pupil, where the service is for students past school ("он в 3 классе" for free meals). */
    notForSchool: Fact.optional(),
    refusalGrounds: z.object({ intake: z.array(Fact), service: z.array(Fact) }).strict(),
    homeVisit: z.object({ available: z.boolean(), text: LocalizedText, sources }).strict(),
    /** Where the seed is cut off, silent or contradicts itself: told to the citizen with the operator offer. */
    notes: z.array(Fact),
    /** Copy errors in the law that change nothing for the citizen: kept for operators and the catalog's sources, never shown in the chat. */
    operatorNotes: z.array(Fact).optional(),
    form: z.enum(FORM_IDS).optional(),
    /** How to complain about the service: addressees, terms, extension, forwarding, court. */
    complaint: Complaint,
  })
  .strict();
export type Service = z.infer<typeof Service>;

export const Catalog = z.array(Service).superRefine((services, ctx) => {
  const seen = new Set<string>();
  for (const [index, service] of services.entries()) {
    if (seen.has(service.id)) ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate service ${service.id}` });
    seen.add(service.id);
    const channelIds = new Set(service.channels.map((c) => c.id));
    const questionIds = new Map(service.questions.map((q) => [q.id, new Set(q.options.map((o) => o.id))]));
    const checkCondition = (when: Condition, path: (string | number)[]) => {
      for (const [questionId, answers] of Object.entries(when)) {
        const known = questionId === 'channel' ? channelIds : questionIds.get(questionId);
        if (!known) {
          ctx.addIssue({ code: 'custom', path, message: `condition names unknown question ${questionId}` });
          continue;
        }
        for (const answer of answers) if (!known.has(answer)) ctx.addIssue({ code: 'custom', path, message: `unknown answer ${questionId}=${answer}` });
      }
    };
    service.documents.forEach((d, i) => {
      if (d.condition) checkCondition(d.condition.when, [index, 'documents', i]);
      for (const ch of d.channels ?? []) if (!channelIds.has(ch)) ctx.addIssue({ code: 'custom', path: [index, 'documents', i], message: `channel ${ch} not offered` });
      if (service.documents.findIndex((o) => o.id === d.id) !== i) ctx.addIssue({ code: 'custom', path: [index, 'documents', i], message: `duplicate document id ${d.id}` });
    });
    service.questions.forEach((q, i) => {
      if (q.appliesWhen) checkCondition(q.appliesWhen, [index, 'questions', i]);
    });
    [service.term, ...service.otherTerms].forEach((term, i) => {
      for (const when of term.when ?? []) checkCondition(when, [index, 'terms', i]);
    });
    if (!service.documents.length && !service.noDocuments) ctx.addIssue({ code: 'custom', path: [index, 'noDocuments'], message: 'a service without documents says so in noDocuments' });
    if (service.complaint.addressees.some((a) => a.id === 'state_corporation') && !channelIds.has('state_corporation'))
      ctx.addIssue({ code: 'custom', path: [index, 'complaint'], message: 'a complaint to the State Corporation for a service it does not take' });
    if (service.afterHours) {
      const path = [index, 'afterHours'];
      const covered = new Set(service.afterHours.channels ?? channelIds);
      for (const ch of service.afterHours.channels ?? []) if (!channelIds.has(ch)) ctx.addIssue({ code: 'custom', path, message: `channel ${ch} not offered` });
      const timed = new Set<string>();
      for (const { channels } of service.afterHours.closingTimes)
        for (const ch of channels) {
          if (!covered.has(ch)) ctx.addIssue({ code: 'custom', path, message: `closing time for ${ch}, which the rule does not cover` });
          if (timed.has(ch)) ctx.addIssue({ code: 'custom', path, message: `two closing times for ${ch}` });
          timed.add(ch);
        }
    }
  }
});

export function parseCatalog(services: unknown): Service[] {
  return Catalog.parse(services);
}
