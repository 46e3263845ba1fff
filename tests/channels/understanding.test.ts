import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../support/engine';
import { buttonsOf, type FakeTelegram } from '../support/fake-telegram';
import { startTelegramTestServer, startTestServer, type TestServer } from '../support/server';
import { ChatClient, type Frame } from '../support/ws-client';

const FEE_HEADING = texts.t('ru', 'checklist:details.fee').replace(/:$/, '');

/** A button label as a citizen might type it: lower case, its last letter missing. */
const typedWithTypo = (label: string) => label.toLowerCase().slice(0, -1);

describe('typed messages inside a checklist, in the widget', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  const lastChoices = (frames: Frame[]) => frames.filter((f) => f.type === 'message' && Array.isArray(f.choices)).at(-1)!.choices as { id: string; label: string }[];

  it('takes typed answers as buttons, answers a question from the catalog, ticks on, and reaches the operator', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    await client.exchange({ type: 'choice', id: 'menu:checklist' });
    let frames = await client.exchange({ type: 'choice', id: 'svc:duplicate-school' });
    // Each question answered by typing its first option's label with a typo.
    while (lastChoices(frames).some((c) => c.id.startsWith('ans:'))) {
      const option = lastChoices(frames).find((c) => c.id.startsWith('ans:'))!;
      frames = await client.exchange({ type: 'text', text: typedWithTypo(option.label) });
    }
    const list = lastChoices(frames);
    expect(list.some((c) => c.id.startsWith('tick:'))).toBe(true);

    const answer = await client.exchange({ type: 'text', text: 'сколько стоит?' }, (f) => f.type === 'message');
    const said = answer.filter((f) => f.type === 'message');
    expect(said).toHaveLength(1);
    expect(said[0]!.text).toContain(FEE_HEADING);

    const tick = list.find((c) => c.id.startsWith('tick:'))!;
    const ticked = await client.exchange({ type: 'choice', id: tick.id });
    expect(ticked.filter((f) => f.type === 'message')).toHaveLength(1);
    expect(lastChoices(ticked).find((c) => c.id === tick.id)!.label).not.toBe(tick.label);

    // Nobody is online in this test: the operator's way offers a call-back.
    const operator = await client.exchange({ type: 'text', text: 'позовите человека' });
    expect(lastChoices(operator).map((c) => c.id)).toContain('op:callback');
    client.close();
  });
});

describe('typed messages inside a checklist, in Telegram', () => {
  let telegram: FakeTelegram;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ telegram, close } = await startTelegramTestServer());
  });
  afterAll(() => close());

  /** The buttons of the bot's last message to the chat with buttons, after `since`. */
  async function nextButtons(chat: number, since: number) {
    for (let count = 1; ; count++) {
      const sent = await telegram.waitFor('sendMessage', count, since, chat);
      const buttons = buttonsOf(sent.at(-1)!);
      if (buttons.length > 0) return buttons;
    }
  }

  it('takes a typed answer, answers "ақысы қанша?" from the catalog, and "адам керек" reaches the operator', async () => {
    const chat = 7101;
    let since = telegram.calls.length;
    telegram.sendText(chat, '/start', 'kk');
    await telegram.waitFor('sendMessage', 2, since, chat);
    since = telegram.calls.length;
    telegram.pressButton(chat, 'menu:checklist', 'kk');
    await nextButtons(chat, since);
    since = telegram.calls.length;
    telegram.pressButton(chat, 'svc:duplicate-school', 'kk');
    let buttons = await nextButtons(chat, since);
    while (buttons.some((b) => b.callback_data.startsWith('ans:'))) {
      const option = buttons.find((b) => b.callback_data.startsWith('ans:'))!;
      since = telegram.calls.length;
      telegram.sendText(chat, typedWithTypo(option.text), 'kk');
      buttons = await nextButtons(chat, since);
    }
    expect(buttons.some((b) => b.callback_data.startsWith('tick:'))).toBe(true);

    since = telegram.calls.length;
    telegram.sendText(chat, 'ақысы қанша?', 'kk');
    const [answer] = await telegram.waitFor('sendMessage', 1, since, chat);
    expect(answer!.params.text).toContain(texts.t('kk', 'checklist:details.fee').replace(/:$/, ''));

    since = telegram.calls.length;
    const tick = buttons.find((b) => b.callback_data.startsWith('tick:'))!;
    telegram.pressButton(chat, tick.callback_data, 'kk');
    const [edited] = await telegram.waitFor('editMessageText', 1, since);
    expect(buttonsOf(edited!).find((b) => b.callback_data === tick.callback_data)!.text).not.toBe(tick.text);

    since = telegram.calls.length;
    telegram.sendText(chat, 'адам керек', 'kk');
    // Nobody is online in this test: the operator's way offers a call-back.
    expect((await nextButtons(chat, since)).map((b) => b.callback_data)).toContain('op:callback');
  });
});
