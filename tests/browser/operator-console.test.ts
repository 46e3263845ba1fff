import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { Accounts } from '../../api/operator/accounts';
import { CannedAnswers } from '../../api/operator/canned';
import { Callbacks } from '../../bot/callbacks';
import { focused, launchBrowser, poll } from '../support/browser';
import { OperatorApi } from '../support/operator-api';
import { startTestServer, type TestServer } from '../support/server';
import { ChatClient } from '../support/ws-client';

const TOPIC = 'Потерял аттестат, что делать?';
const CANNED_RU = 'Для дубликата нужны удостоверение личности и заявление.';

/** Waits for a browser to show something (pages and sockets take their time on a busy machine). */

/** Texts of the bot's messages after the citizen's last one in the widget. */
function botAfterLastCitizen(page: Page): Promise<string[]> {
  // The widget lives in a shadow root: the locator reaches into it, document.querySelectorAll would not.
  return page
    .getByTestId('chat-log')
    .locator(':scope > li')
    .evaluateAll((items) => {
      const last = items.map((li) => li.getAttribute('data-from')).lastIndexOf('citizen');
      return items
        .slice(last + 1)
        .filter((li) => li.getAttribute('data-from') === 'bot')
        .map((li) => li.textContent ?? '');
    });
}

/** A citizen on the demo page (Kazakh by default) who switches the chat to Russian; `say` types and sends. */
async function russianCitizen(citizen: Page, url: string) {
  await citizen.goto(url);
  const log = citizen.getByTestId('chat-log');
  const say = async (text: string) => {
    await citizen.getByRole('textbox').fill(text);
    await citizen.keyboard.press('Enter');
  };
  await poll(() => log.textContent()).toContain('Сәлеметсіз бе!');
  await citizen.getByRole('button', { name: 'Тіл / Язык' }).last().click();
  await citizen.getByRole('button', { name: 'Русский' }).last().click();
  await poll(() => log.textContent()).toContain('Язык переключён: русский.');
  return { log, say };
}

async function logIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/operator?lang=ru`);
  await page.getByLabel('Логин').fill('aigerim');
  await page.getByLabel('Пароль').fill('aigerim-pass-1');
  await page.getByRole('button', { name: 'Войти' }).click();
  await poll(() => page.getByTestId('list-queue').isVisible()).toBe(true);
}

describe('the 1414 operator console in Chromium', () => {
  let server: TestServer;
  let browser: BrowserContext;
  let closeBrowser: () => Promise<void>;

  beforeAll(async () => {
    server = await startTestServer({ OPERATOR_BOOTSTRAP: 'aigerim:aigerim-pass-1:operator', CONTACT_CENTRE_HOURS: 'always', JWT_SECRET: 'operator-console-test-secret-0123456789abcdef' });
    await new CannedAnswers(server.store).put('docs', { kk: 'Телнұсқа үшін жеке куәлік пен өтініш қажет.', ru: CANNED_RU }, 'test');
    ({ browser, close: closeBrowser } = await launchBrowser());
  });
  afterAll(async () => {
    await closeBrowser?.();
    await server?.close();
  });

  it('takes a widget citizen from the live queue, talks while the bot is silent, and hands back to the bot', async () => {
    const operator = await browser.newPage();
    await operator.setViewportSize({ width: 1366, height: 800 });
    await logIn(operator, server.url);
    expect(await operator.locator('html').getAttribute('lang')).toBe('ru');
    const queue = operator.getByTestId('list-queue');
    await poll(() => queue.textContent()).toContain('Очередь пуста.');

    // The citizen, in the widget of the demo page (Kazakh by default), switches to Russian and asks for an operator.
    const citizen = await browser.newPage();
    const { log, say } = await russianCitizen(citizen, server.url);
    await say('оператор');
    await citizen.getByRole('button', { name: 'Да, соединить' }).last().click();
    await poll(() => log.textContent()).toContain('одной строкой');
    await say(TOPIC);
    await poll(() => log.textContent()).toContain('Вы в очереди');

    // It appears in the console's queue without a reload.
    const row = queue.getByRole('button', { name: /Потерял аттестат/ });
    await poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toMatch(/ждёт меньше минуты/);
    await row.click();
    const pane = operator.getByTestId('conversation');
    await poll(() => pane.getByRole('heading', { level: 2 }).textContent()).toBe(TOPIC);
    expect(await pane.textContent()).toMatch(/Язык гражданина\s*русский/);
    await pane.getByRole('button', { name: 'Взять разговор' }).click();
    const reply = pane.getByRole('combobox', { name: /Ответ гражданину/ });
    await poll(() => reply.isEnabled()).toBe(true);
    await poll(() =>
      operator
        .getByTestId('list-mine')
        .getByRole('button', { name: /Потерял аттестат/ })
        .count(),
    ).toBe(1);

    // A canned answer: "/" lists the codes, Enter puts the text in the citizen's language.
    await reply.focus();
    await operator.keyboard.type('/do');
    await poll(() => pane.getByRole('option').first().textContent()).toContain('/docs');
    await operator.keyboard.press('Enter');
    expect(await reply.inputValue()).toBe(CANNED_RU);
    await operator.keyboard.press('Enter');
    await poll(() => citizen.locator('[data-from="operator"]').last().textContent()).toContain(CANNED_RU);

    await reply.fill('Здравствуйте! Какой документ вы потеряли?');
    await reply.press('Enter');
    const fromOperator = citizen.locator('[data-from="operator"]').last();
    await poll(() => fromOperator.textContent()).toContain('Здравствуйте! Какой документ вы потеряли?');
    // The citizen switched the chat to Russian, and the widget's own labels followed.
    expect(await fromOperator.locator('.author').textContent()).toBe('Aigerim · оператор');

    // The citizen answers: the console shows it live, and the bot says nothing.
    await say('Аттестат за 11 класс');
    const transcript = pane.getByTestId('transcript');
    await poll(() => transcript.locator('[data-from="citizen"]').last().textContent()).toContain('Аттестат за 11 класс');
    // A marker: the operator's next message reaches the widget after anything the bot would have said.
    await reply.fill('Понятно. Подскажу, как получить дубликат.');
    await reply.press('Enter');
    await poll(() => citizen.locator('[data-from="operator"]').last().textContent()).toContain('Подскажу, как получить дубликат.');
    expect(await botAfterLastCitizen(citizen)).toEqual([]);
    await poll(() => transcript.locator('[data-from="operator"]').count()).toBe(3);

    // A private note, then the layout in both languages.
    await pane.getByLabel('Новая заметка').fill('Просит дубликат аттестата за 11 класс.');
    await pane.getByRole('button', { name: 'Добавить заметку' }).click();
    await poll(() => pane.getByTestId('notes').textContent()).toContain('aigerim');
    await operator.screenshot({ path: 'tests/browser/operator-console-ru.png' }).catch(() => undefined);
    await operator.getByRole('button', { name: 'Қазақша' }).click();
    await poll(() => operator.locator('html').getAttribute('lang')).toBe('kk');
    await poll(() => pane.getByRole('button', { name: 'Ботқа қайтару' }).count()).toBe(1);
    await poll(() => pane.textContent()).toContain('Азаматтың тілі');
    await operator.screenshot({ path: 'tests/browser/operator-console-kk.png' }).catch(() => undefined);
    await operator.getByRole('button', { name: 'Русский' }).click();
    await poll(() => operator.locator('html').getAttribute('lang')).toBe('ru');

    // Hand-back: the bot answers "меню" again.
    await pane.getByRole('button', { name: 'Вернуть боту' }).click();
    await poll(() => log.textContent()).toContain('снова бот');
    await poll(() => pane.textContent()).toMatch(/У кого\s*бот/);
    await poll(() => operator.getByTestId('list-mine').textContent()).toContain('У вас нет открытых разговоров.');
    await say('меню');
    await poll(() => botAfterLastCitizen(citizen)).toEqual([expect.stringContaining('Что вам нужно?')]);

    // Opened again without ?lang, the console keeps the session (sessionStorage) and the language chosen (localStorage).
    await operator.getByRole('button', { name: 'Қазақша' }).click();
    await operator.goto(`${server.url}/operator`);
    await poll(() => operator.getByTestId('list-queue').getByRole('heading').textContent()).toMatch(/^Кезек/);
    expect(await operator.locator('html').getAttribute('lang')).toBe('kk');
    await operator.close();
    await citizen.close();
  }, 60_000);

  it('logs in with the keyboard alone, says a wrong password in Russian, and keeps focus visible', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/operator?lang=ru`);
    await poll(async () => (await focused(page)).text).toBe('Логин');
    await page.keyboard.type('aigerim');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Пароль');
    await page.keyboard.type('not-the-password');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('login-error').textContent()).toBe('Неверный логин или пароль, либо учётная запись отключена.');
    expect(await page.getByLabel('Пароль').getAttribute('aria-invalid')).toBe('true');
    // The cursor is back in the (emptied) password field.
    expect((await focused(page)).text).toBe('Пароль');
    await page.keyboard.type('aigerim-pass-1');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('list-queue').isVisible()).toBe(true);

    // Tab walks the header in reading order, each stop with a visible outline.
    const stops: string[] = [];
    for (let i = 0; i < 9; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now.outline, now.text).toBe('solid');
      stops.push(now.text);
    }
    expect(stops).toEqual(['Перейти к разговору', 'Разговоры', 'Обратные звонки', 'Выезды на дом', 'Жалобы', 'Статус', 'Қазақша', 'Русский', 'Выйти']);

    // The call-back list opens with Enter.
    await page.getByRole('button', { name: 'Обратные звонки' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('callbacks').textContent()).toContain('Запросов на обратный звонок нет.');
    await page.close();
  });

  it('reconnects the event stream after it drops and lists again what happened meanwhile', async () => {
    const page = await browser.newPage();
    // The stream is refused at first, as if the network were down.
    await page.route('**/api/operator/events', (route) => route.abort('connectionreset'));
    await logIn(page, server.url);
    await poll(() => page.getByTestId('notices').textContent()).toContain('Нет связи с сервером. Переподключаемся…');

    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    await client.exchange({ type: 'text', text: 'оператор' });
    await client.exchange({ type: 'choice', id: 'op:yes' });
    await client.exchange({ type: 'text', text: 'Вопрос, пока связи не было' });

    await page.unroute('**/api/operator/events');
    await poll(() => page.getByTestId('notices').textContent()).toContain('Связь с сервером восстановлена.');
    await poll(() =>
      page
        .getByTestId('list-queue')
        .getByRole('button', { name: /Вопрос, пока связи не было/ })
        .count(),
    ).toBe(1);
    client.close();
    await page.close();
  });

  it('shows a 409 as a notice when another operator takes the conversation first, and closes with a reason from a dialog', async () => {
    await new Accounts(server.store).create({ login: 'dana', password: 'dana-pass-12', role: 'operator' });
    const dana = await OperatorApi.login(server.url, 'dana', 'dana-pass-12');
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 800 });
    await logIn(page, server.url);

    // A citizen who went through the checklist and cannot come in person: served first.
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'ru' });
    const conversationId = hello.find((f) => f.type === 'session')!.conversationId as string;
    for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:state_corporation', 'ans:applicant:self', 'ans:reason:lost', 'nav:cannot_come', 'menu:operator', 'op:yes']) {
      await client.exchange({ type: 'choice', id });
    }

    const row = page.getByTestId('list-queue').getByRole('button', { name: /Приоритет/ });
    await poll(() => row.count()).toBe(1);
    await row.click();
    const pane = page.getByTestId('conversation');
    const data = pane.getByTestId('collected-data');
    await poll(() => data.textContent()).toMatch(/Услуга\s*Выдача дубликат/);
    expect(await data.textContent()).toMatch(/Ограниченная подвижность\s*да/);
    await page.screenshot({ path: 'tests/browser/operator-console-data.png' }).catch(() => undefined);
    // Dana presses "take over" a moment earlier.
    await page.route('**/takeover?*', async (route) => {
      expect((await dana.post(`/api/operator/conversations/${conversationId}/takeover`)).status).toBe(200);
      await route.continue();
    });
    await pane.getByRole('button', { name: 'Взять разговор' }).click();
    await poll(() => page.getByTestId('notices').textContent()).toContain('Этот разговор уже у другого оператора.');
    await poll(() => pane.textContent()).toContain('Разговор ведёт оператор dana.');
    expect(await pane.getByRole('button', { name: 'Взять разговор' }).count()).toBe(0);
    await page.unroute('**/takeover?*');

    // Dana passes it on to Aigerim: it shows up in "Mine" by itself.
    expect((await dana.post(`/api/operator/conversations/${conversationId}/transfer`, { to: 'aigerim', note: 'Общежитие, Алматы' })).status).toBe(200);
    await poll(() => pane.textContent()).toContain('Общежитие, Алматы');
    await poll(() =>
      page
        .getByTestId('list-mine')
        .getByRole('button', { name: /Приоритет/ })
        .count(),
    ).toBe(1);

    // Escape closes the dialog and gives focus back to its button; Enter in it closes the conversation.
    const close = pane.getByRole('button', { name: 'Закрыть разговор' });
    await close.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Закрыть разговор' });
    await poll(() => dialog.isVisible()).toBe(true);
    expect((await focused(page)).text).toBe('Причина (необязательно)');
    await page.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
    expect((await focused(page)).text).toBe('Закрыть разговор');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Вопрос решён');
    await page.keyboard.press('Enter');
    await client.waitFor((f) => f.type === 'message' && f.text === 'Разговор с оператором завершён.');
    await poll(() => pane.textContent()).toMatch(/У кого\s*закрыт/);
    client.close();
    await page.close();
  });

  it('finds a conversation still with the bot by its number, names its checklist answers and documents, and takes it over', async () => {
    // The citizen talks to the bot in the widget and never asks for an operator; the conversation's
    // number comes in the widget's `session` frame. A browser of its own: the shared one's widget
    // would resume the earlier tests' conversation from localStorage.
    const fresh = await launchBrowser();
    onTestFinished(() => fresh.close());
    const citizen = await fresh.browser.newPage();
    let conversationId: string | undefined;
    citizen.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        try {
          const frame = JSON.parse(String(payload)) as { type?: string; conversationId?: string };
          if (frame.type === 'session' && frame.conversationId) conversationId = frame.conversationId;
        } catch {
          // not a JSON frame
        }
      }),
    );
    const { log, say } = await russianCitizen(citizen, server.url);
    // The reason is told in the first message and kept for its question.
    await say('Потерял аттестат');
    await poll(() => log.textContent()).toContain('Записано из вашего сообщения: «Документ утерян».');
    for (const answer of ['В Госкорпорации (ЦОН)', 'Сам владелец документа']) {
      const button = citizen.getByRole('button', { name: answer }).last();
      await poll(() => button.count()).toBe(1);
      await button.click();
    }
    await poll(() => log.textContent()).toContain('ваш перечень документов');
    await citizen.locator('input[type=checkbox]').first().check();
    await poll(() => log.textContent()).toMatch(/готово 1 из/);
    // The checklist hands its data (the ticks too) to the conversation on its next screen.
    await citizen.getByRole('button', { name: 'Где, в какой срок, сколько стоит' }).last().click();
    await poll(() => log.textContent()).toContain('Где и как подать:');
    await poll(() => conversationId).toMatch(/^web-/);

    const operator = await browser.newPage();
    await operator.setViewportSize({ width: 1366, height: 800 });
    await logIn(operator, server.url);
    // Not in the queue nor among the operator's own.
    expect(await operator.getByTestId('list-queue').textContent()).not.toContain('аттестат');
    const find = operator.getByLabel('Номер разговора');

    // A wrong number: a notice in the interface language, the field marked and still focused.
    await find.fill('web-no-such-conversation');
    await find.press('Enter');
    await poll(() => operator.getByTestId('notices').textContent()).toContain('Разговор с номером «web-no-such-conversation» не найден.');
    expect(await find.getAttribute('aria-invalid')).toBe('true');
    expect((await focused(operator)).text).toBe('Номер разговора');

    // Pasted with spaces around it, by the keyboard alone.
    await find.fill(`  ${conversationId}  `);
    await find.press('Enter');
    const pane = operator.getByTestId('conversation');
    await poll(() => pane.textContent()).toMatch(/У кого\s*бот/);
    await poll(() => find.inputValue()).toBe('');
    expect(await find.getAttribute('aria-invalid')).toBeNull();
    expect(await pane.getByTestId('transcript').textContent()).toContain('Потерял аттестат');

    // The collected data names the answers and the ticked document, not their ids.
    const data = pane.getByTestId('collected-data');
    await poll(() => data.textContent()).toMatch(/Почему нужен дубликат\?\s*Документ утерян/);
    const text = await data.textContent();
    expect(text).toMatch(/Перечень документов\s*Услуга/);
    expect(text).toMatch(/Как вы будете подавать заявление\?\s*В Госкорпорации \(ЦОН\)/);
    expect(text).toMatch(/Готовые документы\s*Заявление/);
    expect(text).not.toMatch(/\blost\b|state_corporation|\bapplication\b/);
    await operator.screenshot({ path: 'tests/browser/operator-console-find.png' }).catch(() => undefined);

    // Taken over from the bot: the citizen sees the operator's message.
    await pane.getByRole('button', { name: 'Взять разговор' }).click();
    const reply = pane.getByRole('combobox', { name: /Ответ гражданину/ });
    await poll(() => reply.isEnabled()).toBe(true);
    await reply.fill('Здравствуйте! Это оператор 1414, помогу с дубликатом.');
    await reply.press('Enter');
    await poll(() => citizen.locator('[data-from="operator"]').last().textContent()).toContain('помогу с дубликатом');
    await poll(() => operator.getByTestId('list-mine').getByRole('button').count()).toBe(1);

    // The field speaks Kazakh too.
    await operator.getByRole('button', { name: 'Қазақша' }).click();
    await poll(() => operator.getByLabel('Сөйлесу нөмірі').count()).toBe(1);
    await operator.getByRole('button', { name: 'Русский', exact: true }).click();
    await operator.close();
  }, 60_000);

  it("works through the call-back desk by keyboard: pages, a filter, a record's details and marks", async () => {
    const callbacks = new Callbacks(server.store);
    for (let i = 1; i <= 22; i++) {
      const n = String(i).padStart(2, '0');
      await callbacks.effect(
        { type: 'callback.request', phone: `+770100000${n}`, topic: `Вопрос ${n}` },
        { conversation: { id: `web-callback-${n}`, lang: 'kk' } as never, idempotencyKey: `callback-${n}` },
      );
    }
    const page = await browser.newPage();
    await page.setViewportSize({ width: 1366, height: 800 });
    await logIn(page, server.url);
    const tab = page.getByRole('button', { name: /^Обратные звонки/ });
    await poll(() => tab.textContent()).toBe('Обратные звонки22');
    await tab.focus();
    await page.keyboard.press('Enter');
    const desk = page.getByTestId('callbacks');
    await poll(async () => (await focused(page)).text).toBe('Обратные звонки');
    const status = desk.getByRole('status');
    await poll(() => status.textContent()).toBe('Показаны 1–20 из 22.');

    // Next and previous pages, by keyboard.
    await desk.getByRole('button', { name: 'Следующие →' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => status.textContent()).toBe('Показаны 21–22 из 22.');
    expect(await desk.getByRole('button', { name: 'Следующие →' }).isDisabled()).toBe(true);
    await desk.getByRole('button', { name: '← Предыдущие' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => status.textContent()).toBe('Показаны 1–20 из 22.');

    // The first request: its row opens the details, focus moves there and is drawn.
    const row = desk.getByRole('listitem').first().getByRole('button');
    const phone = (await row.locator('.row-topic').textContent())!;
    await row.focus();
    expect((await focused(page)).outline).toBe('solid');
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('callbacks-detail');
    await poll(async () => (await focused(page)).text).toBe(phone);
    expect(await detail.textContent()).toMatch(new RegExp(`Вопрос\\s*Вопрос ${phone.slice(-2)}`));
    expect(await detail.textContent()).toMatch(/Язык\s*казахский/);

    // Not reached, with a note: the notice says so, the details count the attempt and keep the note.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(phone);
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Открыть разговор');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Заметка о звонке');
    await page.keyboard.type('Не берёт трубку');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Не дозвонились');
    await page.keyboard.press('Enter');
    await poll(() => page.getByTestId('notices').textContent()).toContain('Отмечено: Не дозвонились.');
    await poll(() => detail.textContent()).toMatch(/Звонков\s*1/);
    expect(await detail.textContent()).toMatch(/Заметка\s*Не берёт трубку/);
    await poll(async () => (await focused(page)).text).toBe(phone);

    // Only those still waiting: 21 of them; reached, the request leaves that list and the header's count.
    await desk.getByLabel('Статус').selectOption({ label: 'Ждёт звонка' });
    await desk.getByRole('button', { name: 'Показать' }).click();
    await poll(() => status.textContent()).toBe('Показаны 1–20 из 21.');
    await desk.getByRole('listitem').first().getByRole('button').click();
    await detail.getByRole('button', { name: 'Дозвонились', exact: true }).click();
    await poll(() => status.textContent()).toBe('Показаны 1–20 из 20.');
    await poll(() => detail.textContent()).toMatch(/Статус\s*Дозвонились/);
    expect(await detail.getByRole('button', { name: /дозвонились/i }).count()).toBe(0);
    await poll(() => tab.textContent()).toBe('Обратные звонки20');

    // The same screen in Kazakh.
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await poll(() => desk.getByRole('heading', { level: 2 }).textContent()).toBe('Кері қоңыраулар');
    await poll(() => status.textContent()).toBe('20 жазбаның 1–20 көрсетілген.');
    await page.screenshot({ path: 'tests/browser/operator-callbacks-kk.png' }).catch(() => undefined);
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.close();
  }, 60_000);
});
