import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { focused, launchBrowser, logInToConsole, poll } from '../support/browser';
import { OperatorApi } from '../support/operator-api';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

const CANNED_KK = 'Халыққа қызмет көрсету орталықтары дүйсенбіден жұмаға дейін 9:00-ден 18:00-ге дейін жұмыс істейді.';
const CANNED_RU = 'ЦОНы работают с понедельника по пятницу с 9:00 до 18:00.';

const sections = (page: Page) => page.getByRole('navigation', { name: 'Разделы' }).getByRole('button').allTextContents();

describe('the supervisor and admin screens of the operator console', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer({
      OPERATOR_BOOTSTRAP: 'sveta:sveta-pass-1:supervisor,admin:admin-pass-1:admin,aigerim:aigerim-pass-1:operator',
      CONTACT_CENTRE_HOURS: 'always',
      JWT_SECRET: 'operator-supervisor-test-secret-0123456789abcdef',
    });
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it("lets a supervisor add a canned answer that an operator's picker then offers, and lists it in the audit log and the rating after", async () => {
    // The operator, in a browser of her own whose clock the test moves on (a clock is per browser), has a citizen already.
    const own = await launchBrowser();
    const operator = await own.browser.newPage();
    await operator.clock.install();
    await operator.setViewportSize({ width: 1366, height: 800 });
    await operator.goto(`${server.url}/operator?lang=ru`);
    await operator.getByLabel('Логин').fill('aigerim');
    await operator.getByLabel('Пароль').fill('aigerim-pass-1');
    await operator.getByRole('button', { name: 'Войти' }).click();
    await poll(() => operator.getByTestId('list-queue').isVisible()).toBe(true);
    expect(await sections(operator)).toEqual(['Разговоры', 'Обратные звонки', 'Выезды на дом', 'Жалобы']);

    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    await client.exchange({ type: 'text', text: 'оператор' });
    await client.exchange({ type: 'choice', id: 'op:yes' });
    await client.exchange({ type: 'text', text: 'Когда работает ЦОН?' });
    const row = operator.getByTestId('list-queue').getByRole('button', { name: /Когда работает ЦОН/ });
    await poll(() => row.count()).toBe(1);
    await row.click();
    const pane = operator.getByTestId('conversation');
    await pane.getByRole('button', { name: 'Взять разговор' }).click();
    const reply = pane.getByRole('combobox', { name: /Ответ гражданину/ });
    await poll(() => reply.isEnabled()).toBe(true);

    // The supervisor sees the extra sections and adds an answer from the keyboard.
    const sveta = await logInToConsole(browser, server.url, 'sveta', { height: 800 });
    expect(await sections(sveta)).toEqual(['Разговоры', 'Обратные звонки', 'Выезды на дом', 'Жалобы', 'Загрузка выездов', 'Готовые ответы', 'Оценки', 'Журнал действий']);
    await sveta.getByRole('button', { name: 'Готовые ответы' }).click();
    const screen = sveta.getByTestId('canned-admin');
    await poll(() => screen.textContent()).toContain('Готовых ответов пока нет.');
    await screen.getByRole('button', { name: 'Добавить ответ' }).click();
    const dialog = sveta.getByRole('dialog', { name: 'Новый готовый ответ' });
    await poll(() => dialog.isVisible()).toBe(true);
    expect((await focused(sveta)).text).toBe('Код');
    // A wrong code and empty texts are refused in the interface's language.
    await sveta.keyboard.type('Часы работы');
    await sveta.keyboard.press('Enter');
    await poll(() => dialog.textContent()).toContain('Код должен состоять из 1–32 символов: a–z, 0–9, _ и -.');
    expect(await dialog.getByText('Заполните текст.').count()).toBe(2);
    expect(await dialog.getByLabel('Код').getAttribute('aria-invalid')).toBe('true');
    // The API's own 400 (here, as if another check had passed) is shown in words too.
    await sveta.route('**/api/operator/canned/*', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'bad_request', message: 'body/ru: String must contain at least 1 character(s)' } }) })
        : route.continue(),
    );
    await dialog.getByLabel('Код').fill('hours');
    await dialog.getByLabel('Текст на казахском').fill(CANNED_KK);
    await dialog.getByLabel('Текст на русском').fill(CANNED_RU);
    await sveta.screenshot({ path: 'tests/browser/operator-canned-dialog.png' }).catch(() => undefined);
    await dialog.getByRole('button', { name: 'Сохранить' }).click();
    await poll(() => dialog.getByText('Заполните текст.').count()).toBe(1);
    expect(await dialog.getByLabel('Текст на русском').getAttribute('aria-invalid')).toBe('true');
    await sveta.unroute('**/api/operator/canned/*');
    await dialog.getByLabel('Код').press('Enter');
    await poll(() => dialog.count()).toBe(0);
    const saved = screen.getByRole('row', { name: /\/hours/ });
    await poll(() => saved.textContent()).toContain(CANNED_RU);
    expect(await saved.textContent()).toContain('sveta');
    expect(await screen.getByRole('columnheader').allTextContents()).toEqual(['Код', 'Текст на казахском', 'Текст на русском', 'Кто и когда изменил', 'Действия']);
    await sveta.screenshot({ path: 'tests/browser/operator-canned.png' }).catch(() => undefined);

    // A minute later the operator's picker asks for the answers again and offers the new one.
    await operator.clock.fastForward('01:05');
    await reply.focus();
    await operator.keyboard.type('/hou');
    await poll(() => pane.getByRole('option').first().textContent()).toContain('/hours');
    await operator.keyboard.press('Enter');
    expect(await reply.inputValue()).toBe(CANNED_RU);
    await operator.keyboard.press('Enter');
    await poll(() => client.frames.some((f) => f.type === 'message' && f.text === CANNED_RU)).toBe(true);

    // The audit log says it in words.
    await sveta.getByRole('button', { name: 'Журнал действий' }).click();
    const audit = sveta.getByTestId('audit');
    const put = audit.locator('tr[data-action="canned.put"]');
    await poll(() => put.count()).toBe(1);
    expect(await put.textContent()).toMatch(/sveta\s*Сохранён готовый ответ\s*\/hours/);
    await poll(() => audit.locator('tr[data-action="conversation.takeover"]').textContent()).toContain('Разговор взят');
    await sveta.screenshot({ path: 'tests/browser/operator-audit.png' }).catch(() => undefined);
    await sveta.getByRole('button', { name: 'Қазақша' }).click();
    await poll(() => put.textContent()).toContain('Дайын жауап сақталды');
    await sveta.screenshot({ path: 'tests/browser/operator-audit-kk.png' }).catch(() => undefined);
    await sveta.getByRole('button', { name: 'Русский' }).click();

    // The operator closes; the citizen rates; the supervisor sees it and opens the conversation from it.
    const aigerim = await OperatorApi.login(server.url, 'aigerim', 'aigerim-pass-1');
    const conversationId = client.frames.find((f) => f.type === 'session')!.conversationId as string;
    expect((await aigerim.post(`/api/operator/conversations/${conversationId}/close`, {})).status).toBe(200);
    await client.waitFor((f) => f.type === 'message' && Array.isArray(f.choices) && f.choices.some((c: { id: string }) => c.id === 'rate:4'));
    await client.exchange({ type: 'choice', id: 'rate:4' });
    await client.exchange({ type: 'text', text: 'Спасибо, всё понятно' });
    await sveta.getByRole('button', { name: 'Оценки' }).click();
    const ratings = sveta.getByTestId('ratings');
    await poll(() => ratings.getByTestId('ratings-table').textContent()).toContain('Спасибо, всё понятно');
    expect(await ratings.getByRole('img', { name: '4 из 5' }).count()).toBe(1);
    expect(
      await ratings
        .getByTestId('ratings-summary')
        .getByRole('row', { name: /aigerim/ })
        .textContent(),
    ).toMatch(/aigerim\s*1\s*4,0/);
    await sveta.screenshot({ path: 'tests/browser/operator-ratings.png' }).catch(() => undefined);
    await ratings.getByRole('button', { name: 'Открыть' }).first().click();
    const svetaPane = sveta.getByTestId('conversation');
    await poll(() => svetaPane.isVisible()).toBe(true);
    await poll(() => svetaPane.getByRole('heading', { level: 2 }).textContent()).toBe('Когда работает ЦОН?');

    // Deleting asks first; Escape keeps the answer.
    await sveta.getByRole('button', { name: 'Готовые ответы' }).click();
    await screen.getByRole('button', { name: 'Удалить /hours' }).focus();
    await sveta.keyboard.press('Enter');
    const confirm = sveta.getByRole('dialog', { name: 'Удалить готовый ответ' });
    await poll(() => confirm.isVisible()).toBe(true);
    await sveta.keyboard.press('Escape');
    await poll(() => confirm.count()).toBe(0);
    // Focus goes back to the button that opened the dialog (a moment after it closes, on a busy machine).
    await poll(async () => (await focused(sveta)).text).toBe('Удалить /hours');
    await sveta.keyboard.press('Enter');
    await confirm.getByRole('button', { name: 'Удалить' }).click();
    await poll(() => screen.textContent()).toContain('Готовых ответов пока нет.');
    client.close();
    await own.close();
    await sveta.close();
  }, 60_000);

  it('lets an admin add an operator account and disable it, after which it cannot log in; an admin cannot disable themselves', async () => {
    const admin = await logInToConsole(browser, server.url, 'admin', { height: 800 });
    expect(await sections(admin)).toEqual(['Разговоры', 'Обратные звонки', 'Выезды на дом', 'Жалобы', 'Загрузка выездов', 'Готовые ответы', 'Оценки', 'Журнал действий', 'Учётные записи']);
    await admin.getByRole('button', { name: 'Учётные записи' }).click();
    const screen = admin.getByTestId('accounts');
    await poll(() => screen.getByRole('row').count()).toBe(4);
    await screen.getByRole('button', { name: 'Добавить учётную запись' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Новая учётная запись' });
    await poll(() => dialog.isVisible()).toBe(true);
    await admin.keyboard.type('bolat');
    await dialog.getByLabel('Имя').fill('Болат Сейітқали');
    await dialog.getByLabel('Пароль').fill('short');
    await dialog.getByLabel('Пароль').press('Enter');
    await poll(() => dialog.textContent()).toContain('Пароль должен быть не короче 8 символов.');
    await dialog.getByLabel('Пароль').fill('bolat-pass-1');
    await admin.screenshot({ path: 'tests/browser/operator-account-dialog.png' }).catch(() => undefined);
    await dialog.getByLabel('Пароль').press('Enter');
    await poll(() => dialog.count()).toBe(0);
    const bolat = screen.getByRole('row', { name: /bolat/ });
    await poll(() => bolat.textContent()).toMatch(/bolat\s*Болат Сейітқали/);
    expect(await bolat.getByRole('combobox', { name: 'Роль bolat' }).inputValue()).toBe('operator');
    // The new account works…
    await OperatorApi.login(server.url, 'bolat', 'bolat-pass-1');

    // …until it is disabled.
    await bolat.getByRole('button', { name: 'Отключить bolat' }).click();
    await poll(() => bolat.textContent()).toContain('Отключена');
    await poll(() => admin.getByTestId('notices').textContent()).toContain('Учётная запись bolat отключена.');
    await expect(OperatorApi.login(server.url, 'bolat', 'bolat-pass-1')).rejects.toThrow(/401/);
    const page = await browser.newPage();
    await page.goto(`${server.url}/operator?lang=ru`);
    await page.getByLabel('Логин').fill('bolat');
    await page.getByLabel('Пароль').fill('bolat-pass-1');
    await page.getByRole('button', { name: 'Войти' }).click();
    await poll(() => page.getByTestId('login-error').textContent()).toBe('Неверный логин или пароль, либо учётная запись отключена.');
    await page.close();

    // The role of another account changes; the admin's own cannot be demoted or disabled (the API's 409, in words).
    await screen.getByRole('row', { name: /sveta/ }).getByRole('combobox', { name: 'Роль sveta' }).selectOption('admin');
    await poll(() => admin.getByTestId('notices').textContent()).toContain('sveta: роль теперь «администратор».');
    const self = screen.getByRole('row', { name: /^admin/ });
    await self.getByRole('combobox', { name: 'Роль admin' }).selectOption('operator');
    await poll(() => admin.getByTestId('notices').textContent()).toContain('Нельзя отключить свою учётную запись или снять с себя роль администратора.');
    await poll(() => self.getByRole('combobox', { name: 'Роль admin' }).inputValue()).toBe('admin');
    await self.getByRole('button', { name: 'Отключить admin' }).click();
    await poll(() => self.textContent()).toContain('Активна');
    await admin.screenshot({ path: 'tests/browser/operator-accounts.png' }).catch(() => undefined);
    await admin.getByRole('button', { name: 'Қазақша' }).click();
    await poll(() => screen.getByRole('heading', { level: 2 }).textContent()).toBe('Есептік жазбалар');
    await admin.screenshot({ path: 'tests/browser/operator-accounts-kk.png' }).catch(() => undefined);
    await admin.close();
  }, 60_000);
});
