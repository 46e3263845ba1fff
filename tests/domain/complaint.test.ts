import { describe, expect, it } from 'vitest';
import { applyComplaintAction, canAct, complaintDueDate, complaintRegisteredOn, isOverdue, type Complaint, type ComplaintAction, type ComplaintStatus } from '../../domain/complaint';

/** An Asia/Almaty (UTC+5) moment. */
const almaty = (date: string, time: string) => new Date(`${date}T${time}:00+05:00`);

const EXTENSION = { maxWorkingDays: 10, noticeWorkingDays: 3 };

function complaint(change: Partial<Complaint> = {}): Complaint {
  return {
    against: 'provider',
    serviceId: 'duplicate-school',
    category: 'term_missed',
    text: 'Дубликат не выдали в срок.',
    asks: 'Выдать дубликат.',
    complainant: { name: 'Сапаров Болат', iin: '850520400003', contact: '+77011234567' },
    lang: 'ru',
    status: 'registered',
    addresseeId: 'provider',
    addressee: { kk: 'Мектеп басшысы', ru: 'Руководитель школы' },
    attachments: [],
    filedAt: '2027-03-12T05:00:00.000Z',
    registeredOn: '2027-03-12',
    dueDate: '2027-03-19',
    history: [],
    ...change,
  };
}
const context = { at: almaty('2027-03-15', '10:00'), by: 'aigerim', extension: EXTENSION };

describe('the due dates of a complaint', () => {
  it('registers a complaint filed on a working day before 18:00 on that day, and at 18:00 or later on the next working day', () => {
    expect(complaintRegisteredOn(almaty('2027-02-05', '17:59'))).toBe('2027-02-05');
    expect(complaintRegisteredOn(almaty('2027-02-05', '18:00'))).toBe('2027-02-08');
    // A closing time the catalog gives instead.
    expect(complaintRegisteredOn(almaty('2027-02-05', '17:30'), '17:00')).toBe('2027-02-08');
  });

  it('registers a complaint filed on a Saturday on the next Monday, and counts the review from there', () => {
    const registeredOn = complaintRegisteredOn(almaty('2027-02-06', '11:00'));
    expect(registeredOn).toBe('2027-02-08');
    expect(complaintDueDate(registeredOn, 5)).toBe('2027-02-15');
    // On the Saturday before Constitution Day (Monday 15 March 2027) it waits for the Tuesday.
    expect(complaintRegisteredOn(almaty('2027-03-13', '11:00'))).toBe('2027-03-16');
  });

  it('registers a complaint filed the working day before Nauryz after 18:00 after the holidays (20–24 March 2027, the 21st moved to the 24th)', () => {
    const registeredOn = complaintRegisteredOn(almaty('2027-03-19', '19:30'));
    expect(registeredOn).toBe('2027-03-25');
    expect(complaintDueDate(registeredOn, 5)).toBe('2027-04-01');
    expect(complaintDueDate(registeredOn, 15)).toBe('2027-04-15');
  });

  it('extends by 10 working days from the current due date, across Nauryz', () => {
    const result = applyComplaintAction(complaint(), 'extend', { workingDays: 10, reason: 'Нужна проверка на месте.' }, context);
    expect('complaint' in result && result.complaint).toMatchObject({
      status: 'extended',
      dueDate: '2027-03-19',
      extendedTo: '2027-04-07',
      history: [{ status: 'extended', action: 'extend', by: 'aigerim', reason: 'Нужна проверка на месте.', workingDays: 10, extendedTo: '2027-04-07' }],
    });
  });

  it('refuses a second extension, more than 10 working days, no reason, and a service whose procedure has no extension', () => {
    const once = applyComplaintAction(complaint(), 'extend', { workingDays: 3, reason: 'Нужны сведения.' }, context);
    if (!('complaint' in once)) throw new Error('the first extension was refused');
    expect(once.complaint.extendedTo).toBe('2027-03-29');
    expect(applyComplaintAction(once.complaint, 'extend', { workingDays: 3, reason: 'Ещё раз.' }, context)).toEqual({ code: 'extended_once' });
    // Even from a status that would allow it, an extended complaint is not extended again.
    expect(applyComplaintAction({ ...once.complaint, status: 'accepted' }, 'extend', { workingDays: 1, reason: 'Ещё.' }, context)).toEqual({ code: 'extended_once' });
    expect(applyComplaintAction(complaint(), 'extend', { workingDays: 11, reason: 'Долго.' }, context)).toEqual({ code: 'too_long' });
    expect(applyComplaintAction(complaint(), 'extend', { workingDays: 0, reason: 'Ноль.' }, context)).toEqual({ code: 'too_long' });
    expect(applyComplaintAction(complaint(), 'extend', { workingDays: 6, reason: 'Меньше.' }, { ...context, extension: { maxWorkingDays: 5, noticeWorkingDays: 3 } })).toEqual({ code: 'too_long' });
    expect(applyComplaintAction(complaint(), 'extend', { workingDays: 5, reason: ' ' }, context)).toEqual({ code: 'reason_required' });
    expect(applyComplaintAction(complaint(), 'extend', { workingDays: 5, reason: 'Нужны сведения.' }, { ...context, extension: undefined })).toEqual({ code: 'no_extension' });
  });
});

describe('the statuses of a complaint', () => {
  const allowed: Record<ComplaintStatus, ComplaintAction[]> = {
    registered: ['accept', 'forward', 'extend', 'answer', 'close'],
    accepted: ['forward', 'extend', 'answer', 'close'],
    forwarded: ['answer', 'close'],
    extended: ['answer', 'close'],
    answered: ['close'],
    closed: [],
  };

  it('allows each status its actions only', () => {
    for (const [status, actions] of Object.entries(allowed) as [ComplaintStatus, ComplaintAction[]][]) {
      for (const action of ['accept', 'forward', 'extend', 'answer', 'close'] as const) expect(canAct(status, action), `${status} → ${action}`).toBe(actions.includes(action));
    }
    expect(applyComplaintAction(complaint({ status: 'answered' }), 'accept', {}, context)).toEqual({ code: 'not_allowed' });
  });

  it('needs the text of an answer and keeps it', () => {
    expect(applyComplaintAction(complaint(), 'answer', {}, context)).toEqual({ code: 'text_required' });
    const answered = applyComplaintAction(complaint(), 'answer', { text: 'Дубликат готов.' }, context);
    expect('complaint' in answered && answered.complaint).toMatchObject({ status: 'answered', answer: 'Дубликат готов.' });
  });

  it('is overdue when not answered or closed after its due date (the extended one once extended)', () => {
    expect(isOverdue(complaint(), '2027-03-19')).toBe(false);
    expect(isOverdue(complaint(), '2027-03-20')).toBe(true);
    expect(isOverdue(complaint({ status: 'answered' }), '2027-03-20')).toBe(false);
    expect(isOverdue(complaint({ status: 'extended', extendedTo: '2027-04-07' }), '2027-03-20')).toBe(false);
  });
});
