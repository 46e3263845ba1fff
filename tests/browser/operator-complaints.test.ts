import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Complaints } from '../../bot/complaints';
import type { ComplaintFiling } from '../../domain/complaint';
import { maskIin } from '../../domain/iin';
import { launchBrowser, logInToConsole, poll } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const filing = (change: Partial<ComplaintFiling> = {}): ComplaintFiling => ({
  against: 'provider',
  serviceId: 'duplicate-school',
  category: 'term_missed',
  text: 'Дубликат аттестата не выдали в срок, хотя прошло 15 рабочих дней.',
  asks: 'Выдать дубликат и объяснить задержку.',
  complainant: { name: 'Сапарова Күләш', iin: '850520400003', contact: '+77011234567' },
  lang: 'ru',
  ...change,
});

describe('the complaints desk of the operator console in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let fresh: { id: string; number: string };
  let late: { id: string; number: string };

  beforeAll(async () => {
    server = await startTestServer({
      OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,sveta:sveta-pass-1:supervisor',
      JWT_SECRET: 'operator-complaints-test-secret-0123456789abcdef',
    });
    await server.engine.handle({ conversationId: 'web-cmp-console', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    // Filed in the chat today, with a scan; another forty days ago, so it is overdue and listed first.
    const today = new Complaints(server.store, async () => undefined);
    const past = new Complaints(
      server.store,
      async () => undefined,
      () => new Date(Date.now() - 40 * 86_400_000),
    );
    const scan = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(120_000 - 9, 32)]);
    const stored = await server.store.files.put(scan, { name: 'заявление.pdf', mime: 'application/pdf', owner: 'web-cmp-console' });
    const a = await today.file(
      filing({ conversationId: 'web-cmp-console', applicationNumber: 'KZ-000123', attachments: [{ id: stored.id, name: 'заявление.pdf', type: 'application/pdf', size: stored.size }] }),
      'console-fresh',
    );
    const b = await past.file(filing({ against: 'state_corporation', category: 'improper_treatment', text: 'Сотрудник ЦОН нагрубил.', asks: 'Принять меры.' }), 'console-late');
    fresh = { id: a.id, number: a.number };
    late = { id: b.id, number: b.number };
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('lists the overdue complaint first, and lets an operator accept a complaint, answer it and print it', async () => {
    const page = await logInToConsole(browser, server.url, 'aigerim');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Жалобы' }).click();
    const desk = page.getByTestId('complaints');
    const rows = desk.locator('.desk-list button.row');
    await poll(() => rows.count()).toBe(2);
    // Open ones by their due date: the overdue leads, said in words.
    expect(await rows.nth(0).getAttribute('data-id')).toBe(late.id);
    expect(await rows.nth(0).textContent()).toMatch(/^Зарегистрирована · Просрочена.*Некорректное обращение сотрудника · зарегистрирована .* · ответить до .* — срок ответа прошёл$/);
    expect(await rows.nth(1).textContent()).toMatch(new RegExp(`^Зарегистрирована${fresh.number} · .*Нарушен срок оказания услуги · зарегистрирована `));
    expect(await rows.nth(1).textContent()).not.toContain('Просрочена');

    // Overdue only.
    await desk.getByLabel('Срок', { exact: true }).selectOption({ label: 'Только просроченные' });
    await desk.getByRole('button', { name: 'Показать' }).click();
    await poll(() => rows.count()).toBe(1);
    await desk.getByLabel('Срок', { exact: true }).selectOption({ label: 'Все' });
    await desk.getByRole('button', { name: 'Показать' }).click();
    await poll(() => rows.count()).toBe(2);

    await rows.nth(1).click();
    const detail = page.getByTestId('complaints-detail');
    const facts = () => detail.locator('dl > div').evaluateAll((pairs) => pairs.map((pair) => [...pair.children].map((part) => part.textContent).join(' ')).join('\n'));
    await poll(async () => facts()).toContain('Статус Зарегистрирована');
    const shown = await facts();
    expect(shown).toContain('На кого жалоба Решения и действия организации, которая оказывает услугу');
    expect(shown).toContain('Номер заявления KZ-000123');
    expect(shown).toContain('Что просит гражданин Выдать дубликат и объяснить задержку.');
    expect(shown).toContain(`ИИН ${maskIin('850520400003')}`);
    expect(shown).not.toContain('850520400003');
    expect(shown).toContain('Контакт +77011234567');
    expect(shown).toContain('Приложения заявление.pdf — PDF, 117 КБ');
    // The operator opens the scan the citizen sent.
    const download = page.waitForEvent('download');
    await detail.getByRole('button', { name: 'Скачать «заявление.pdf»' }).click();
    expect((await download).suggestedFilename()).toBe('заявление.pdf');
    // An operator neither extends nor closes an unanswered complaint: those are a supervisor's.
    expect(await detail.locator('.desk-buttons button').allTextContents()).toEqual(['Принять в работу', 'Ответить', 'Направить по принадлежности']);

    await detail.getByRole('button', { name: 'Принять в работу' }).click();
    await poll(async () => facts()).toContain('Статус Принята в работу');
    await poll(() => rows.nth(1).textContent()).toMatch(/^Принята в работу/);

    // Answering needs its text: the empty field is marked.
    await detail.getByRole('button', { name: 'Ответить' }).click();
    const answer = detail.getByLabel('Текст ответа (гражданин его увидит)');
    await poll(() => answer.getAttribute('aria-invalid')).toBe('true');
    await answer.fill('Дубликат выдан 2 декабря; сотруднику сделано замечание.');
    await detail.getByRole('button', { name: 'Ответить' }).click();
    await poll(async () => facts()).toContain('Статус Дан ответ');
    expect(await facts()).toContain('Ответ Дубликат выдан 2 декабря; сотруднику сделано замечание.');
    expect(await detail.locator('.complaint-history li').allTextContents()).toEqual([
      expect.stringMatching(/ — Подана: Зарегистрирована \(гражданин\)$/),
      expect.stringMatching(/ — Принята: Принята в работу \(aigerim\)$/),
      expect.stringMatching(/ — Ответ дан: Дан ответ \(aigerim\)$/),
    ]);
    // Answered ones come after the open ones.
    await poll(() => rows.nth(1).textContent()).toMatch(/^Дан ответ/);
    expect(await rows.nth(1).getAttribute('data-id')).toBe(fresh.id);
    const stored = await new Complaints(server.store, async () => undefined).get(fresh.id);
    expect(stored?.value.status).toBe('answered');

    // The printed complaint: the browser's print of the detail panel alone.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await detail.getByRole('button', { name: 'Печать' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await desk.locator('.desk-list').isVisible()).toBe(false);
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await detail.isVisible()).toBe(true);
    expect(await detail.getByRole('button', { name: 'Печать' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.locator('.topbar').isVisible()).toBe(true);
    await page.screenshot({ path: 'tests/browser/operator-complaints.png' }).catch(() => undefined);
    await page.close();
  }, 20_000);

  it('lets a supervisor extend the overdue complaint by working days with a reason, then close it unanswered with a reason', async () => {
    const page = await logInToConsole(browser, server.url, 'sveta');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Жалобы' }).click();
    const desk = page.getByTestId('complaints');
    const row = desk.locator(`button.row[data-id="${late.id}"]`);
    await poll(() => row.count()).toBe(1);
    await row.click();
    const detail = page.getByTestId('complaints-detail');
    const facts = () => detail.locator('dl > div').evaluateAll((pairs) => pairs.map((pair) => [...pair.children].map((part) => part.textContent).join(' ')).join('\n'));
    await poll(async () => facts()).toContain('На кого жалоба Сотрудник ЦОН');
    expect(await facts()).toContain('Приложения Нет');
    expect(await detail.locator('.desk-buttons button').allTextContents()).toEqual(['Принять в работу', 'Ответить', 'Направить по принадлежности', 'Продлить срок', 'Закрыть']);

    // An extension needs its reason: the empty field is marked and gets the cursor.
    await detail.getByRole('button', { name: 'Продлить срок' }).click();
    const reason = detail.getByLabel('Причина', { exact: true });
    await poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await detail.getByLabel('На сколько рабочих дней продлить (1–10)').selectOption('5');
    await reason.fill('Нужна проверка на месте.');
    await detail.getByRole('button', { name: 'Продлить срок' }).click();
    await poll(async () => facts()).toContain('Статус Срок продлён');
    expect(await facts()).toMatch(/Ответить до .* \(продлено, первоначально до .*\)/);
    expect(await detail.locator('.complaint-history li').last().textContent()).toMatch(/ — Продлена: Срок продлён: на 5 раб\. дн\., до .*: Нужна проверка на месте\. \(sveta\)$/);
    expect(await detail.locator('.desk-buttons button').allTextContents()).toEqual(['Ответить', 'Закрыть']);

    await detail.getByRole('button', { name: 'Закрыть' }).click();
    await poll(() => reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Гражданин отозвал жалобу по телефону.');
    await detail.getByRole('button', { name: 'Закрыть' }).click();
    await poll(async () => facts()).toContain('Статус Закрыта');
    expect(await detail.locator('.desk-buttons button').count()).toBe(0);
    await poll(() => row.textContent()).toMatch(/^Закрыта/);
    await page.close();
  }, 15_000);
});
