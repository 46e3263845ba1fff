import { readFileSync } from 'node:fs';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HomeVisits } from '../../bot/home-visits';
import { renderNotifyText } from '../../bot/notify';
import { todayInAlmaty } from '../../domain/calendar';
import { bookableDays, type VisitRequest } from '../../domain/home-visit';
import type { Reply } from '../../flows/types';
import { createTexts } from '../../locales/i18n';
import type { Conversation } from '../../store/types';
import { focused, launchBrowser, logInToConsole, poll } from '../support/browser';
import { startTestServer, type TestServer } from '../support/server';

const texts = createTexts();

const visit = (change: Partial<VisitRequest> & { date: string }): VisitRequest => ({
  window: 'morning',
  address: { region: 'shymkent', street: 'Тауке хана', house: '15', flat: '3', landmark: 'напротив школы' },
  applicant: { name: 'Сапаров Болат Ержанович', iin: '850520400003' },
  actingFor: { name: 'Сапарова Айгерим' },
  phone: '+77027654321',
  phoneOf: 'representative',
  serviceId: 'duplicate-school',
  needs: ['wheelchair'],
  lang: 'ru',
  ...change,
});

describe('the home-visit desk of the operator console in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;
  let day: string;
  let number: string;

  beforeAll(async () => {
    server = await startTestServer({
      OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator,sveta:sveta-pass-1:supervisor',
      HOME_VISIT_CAPACITY: '3',
      JWT_SECRET: 'operator-home-visits-test-secret-0123456789abcdef',
    });
    // A citizen booked in the chat for their father, for the next working day; another visit that day is in Almaty.
    day = bookableDays(todayInAlmaty())[0]!;
    await server.engine.handle({ conversationId: 'web-hv-console', channel: 'web', langHint: 'ru', event: { type: 'start' } });
    const visits = new HomeVisits(server.store, { default: 3, byRegion: {} }, async () => undefined);
    number = (await visits.book(visit({ date: day, conversationId: 'web-hv-console' }), 'console-1')).number;
    await visits.book(visit({ date: day, applicant: { name: 'Бекова Дана', iin: '850520400003' }, address: { region: 'almaty', street: 'Абая', house: '1' } }), 'console-2');
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it("lets an operator find a citizen's visit by day and region, confirm it, assign an employee and download the route list", async () => {
    const page = await logInToConsole(browser, server.url, 'aigerim');
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Выезды на дом' }).click();
    const desk = page.getByTestId('visits');
    await poll(async () => (await focused(page)).text).toBe('Выезды сотрудника ЦОН на дом');
    // The day starts at the next working day; the region is chosen and the filter applied from the keyboard.
    expect(await desk.getByLabel('День', { exact: true }).inputValue()).toBe(day);
    await poll(() => desk.getByRole('button', { name: /Бекова Дана/ }).count()).toBe(1);
    await desk.getByLabel('Регион', { exact: true }).selectOption({ label: 'Шымкент' });
    await desk.getByRole('button', { name: 'Показать' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => desk.getByRole('button', { name: /Бекова Дана/ }).count()).toBe(0);
    const row = desk.getByRole('button', { name: new RegExp(`${number} · Сапаров Болат Ержанович`) });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/Новый.*до обеда · Шымкент · \+7 702 765 43 21 · Передвигается на коляске/);

    await row.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('visits-detail');
    await poll(async () => (await focused(page)).text).toBe(`${number} · Сапаров Болат Ержанович`);
    /** The detail's facts as read: "label value" pairs. */
    const facts = () => detail.locator('dl > div').evaluateAll((pairs) => pairs.map((pair) => [...pair.children].map((part) => part.textContent).join(' ')).join('\n'));
    expect(await facts()).toContain('Адрес Шымкент, Тауке хана, дом 15, кв. 3, ориентир: напротив школы');
    expect(await facts()).toContain('Кто оформил Сапарова Айгерим');
    expect(await facts()).toContain('Телефон +7 702 765 43 21 (телефон оформившего)');
    expect(await facts()).toContain('Записан в чате');

    await detail.getByRole('button', { name: 'Подтвердить' }).click();
    await poll(async () => facts()).toContain('Статус Подтверждён');
    await poll(() => row.textContent()).toMatch(/^Подтверждён/);
    expect(await detail.getByRole('button', { name: 'Подтвердить' }).count()).toBe(0);

    // Assigning needs the employee's name: the empty field is marked and gets the cursor.
    await detail.getByRole('button', { name: 'Назначить сотрудника' }).click();
    const employee = detail.getByLabel('Сотрудник, который поедет (ФИО)');
    await poll(() => employee.getAttribute('aria-invalid')).toBe('true');
    expect((await focused(page)).text).toBe('Сотрудник, который поедет (ФИО)');
    expect(await detail.getByText('Заполните поле «Сотрудник, который поедет (ФИО)».').isVisible()).toBe(true);
    await page.keyboard.type('Ерлан Жумабаев');
    await detail.getByRole('button', { name: 'Назначить сотрудника' }).click();
    await poll(async () => facts()).toContain('Статус Сотрудник назначен');
    expect(await facts()).toContain('Сотрудник Ерлан Жумабаев');
    expect(await detail.locator('.visit-history li').allTextContents()).toEqual([
      expect.stringMatching(/ — Новый: записан на .*, до обеда \(гражданин\)$/),
      expect.stringMatching(/ — Подтверждён \(aigerim\)$/),
      expect.stringMatching(/ — Сотрудник назначен \(aigerim\)$/),
    ]);
    await poll(() => row.textContent()).toMatch(/^Сотрудник назначен/);
    expect(await detail.getByRole('button').allTextContents()).toEqual(['Сменить сотрудника', 'Состоялся', 'Не застали дома', 'Отменить выезд', 'Перенести']);
    // The citizen's chat was told of both, in the words of the locales.
    const told = (await server.store.conversations.transcript('web-hv-console')).filter((e) => e.from === 'system').map((e) => e.text);
    const says = (key: string, employee = '') =>
      renderNotifyText({ key: `home_visit:told.${key}`, vars: { number, employee, reason: '' }, dates: { date: day }, texts: { window: 'home_visit:window.morning' } })(texts.translator('ru'), {
        lang: 'ru',
      } as Conversation);
    expect(told).toEqual([(says('confirmed') as Reply).text, (says('assigned', 'Ерлан Жумабаев') as Reply).text]);
    expect(told[1]).toContain('Ерлан Жумабаев');

    // The day's route list of the region listed.
    const [download] = await Promise.all([page.waitForEvent('download'), desk.getByRole('button', { name: 'Маршрутный лист (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`route-${day}-shymkent.csv`);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toMatch(new RegExp(`^\uFEFFНомер;Время;ФИО;.*\r\n${number};До обеда;Сапаров Болат Ержанович`));
    expect(csv).not.toContain('Бекова');
    await page.screenshot({ path: 'tests/browser/operator-home-visits.png' }).catch(() => undefined);
    await page.close();
  }, 30_000);

  it('shows a supervisor the load of the next ten working days for a region', async () => {
    const page = await logInToConsole(browser, server.url, 'sveta');
    await page.getByRole('button', { name: 'Загрузка выездов' }).click();
    const screen = page.getByTestId('visit-load');
    await screen.getByLabel('Регион').selectOption({ label: 'Шымкент' });
    await screen.getByRole('button', { name: 'Показать' }).click();
    const table = page.getByRole('table', { name: /^Шымкент — записано \/ мест/ });
    await poll(() => table.count()).toBe(1);
    expect(await table.locator('thead th[scope="col"]').allTextContents()).toEqual(['День', 'До обеда', 'После обеда']);
    expect(await table.locator('tbody th[scope="row"]').count()).toBe(10);
    const first = table.locator('tbody tr').first();
    expect(await first.locator('th').textContent()).toBe(new Intl.DateTimeFormat('ru-RU', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`)));
    expect(await first.locator('td').allTextContents()).toEqual(['1 / 3', '0 / 3']);
    await page.close();
  }, 20_000);
});
