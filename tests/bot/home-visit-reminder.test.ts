import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { reminderJobId } from '../../bot/home-visits';
import { formatCivilDate } from '../../locales/format';
import { createTexts } from '../../locales/i18n';
import { createRedisStore } from '../../store/redis';
import type { Store } from '../../store/types';
import { testRuntime } from '../support/runtime';

const texts = createTexts();

/** A clock the test moves. */
function clock(start: string) {
  let now = new Date(start);
  return { now: () => now, set: (next: string) => (now = new Date(next)) };
}

function runtimeOn(store: Store, now: () => Date) {
  return testRuntime(store, { defaultLang: 'kk', now });
}

describe('the reminder of a home visit, on Redis', () => {
  it('is sent once, the working day before, by the instance running then, after a restart in between', async () => {
    const prefix = `visit-reminder-${randomUUID()}:`;
    const time = clock('2026-12-08T11:00:00+05:00');
    const first = await createRedisStore({ url: inject('redisUrl'), prefix });
    const booking = runtimeOn(first, time.now);
    await booking.engine.handle({ conversationId: 'web-remind', channel: 'web', langHint: 'kk', event: { type: 'start' } });
    const visit = await booking.homeVisits.book(
      {
        date: '2026-12-14',
        window: 'afternoon',
        address: { region: 'astana', street: 'Кенесары', house: '5' },
        applicant: { name: 'Сапаров Болат', iin: '850520400003' },
        phone: '+77011234567',
        phoneOf: 'applicant',
        serviceId: 'duplicate-school',
        needs: [],
        conversationId: 'web-remind',
        lang: 'kk',
      },
      'remind-1',
    );
    // Monday 14 December: the reminder goes out on Friday 11 December at 10:00.
    expect((await first.jobs.get(reminderJobId(visit.id)))!.dueAt).toBe(Date.parse('2026-12-11T10:00:00+05:00'));
    await first.close(); // the instance stops; another starts later

    time.set('2026-12-11T10:00:30+05:00');
    const second = await createRedisStore({ url: inject('redisUrl'), prefix });
    const later = runtimeOn(second, time.now);
    await later.start();
    try {
      const reminder = texts.t('kk', 'home_visit:told.reminder', { number: visit.number, date: formatCivilDate('2026-12-14', 'kk'), window: texts.t('kk', 'home_visit:window.afternoon') });
      const told = async () => (await second.conversations.transcript('web-remind')).filter((e) => e.text.includes(visit.number) && e.from === 'system');
      await expect.poll(async () => (await told()).length, { timeout: 5000 }).toBe(1);
      expect((await told())[0]!.text).toBe(reminder);
      await expect.poll(() => second.jobs.get(reminderJobId(visit.id))).toBeNull();
      // Nothing is left to send it again.
      expect(await later.scheduler.runDue()).toBe(0);
      expect(await told()).toHaveLength(1);
    } finally {
      await later.stop();
      await second.close();
    }
  });
});
