import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../support/ws-client';
import { startTestServer, type TestServer } from '../support/server';

const menuIds = ['menu:checklist', 'menu:home_visit', 'menu:status', 'menu:complaint', 'menu:operator', 'menu:language'];

describe('widget WebSocket on the embedded store', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('greets in Kazakh with the menu, then shows the same menu in Russian after switching', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'kk' });
    const session = hello.find((f) => f.type === 'session')!;
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{32,}$/);
    expect(session.conversationId).toMatch(/^web-/);
    const messages = hello.filter((f) => f.type === 'message');
    expect(messages[0]!.text).toMatch(/^Сәлеметсіз бе!/);
    expect(messages[0]!.from).toBe('bot');
    expect(messages.at(-1)!.choices.map((c: { id: string }) => c.id)).toEqual(menuIds);
    const kkLabels = messages.at(-1)!.choices.map((c: { label: string }) => c.label);

    const picker = await client.exchange({ type: 'choice', id: 'menu:language' });
    expect(picker.at(-1)!.choices.map((c: { id: string }) => c.id)).toEqual(['lang:kk', 'lang:ru']);
    const russian = await client.exchange({ type: 'choice', id: 'lang:ru' });
    const menu = russian.at(-1)!;
    expect(menu.choices.map((c: { id: string }) => c.id)).toEqual(menuIds);
    expect(menu.choices[0].label).toBe('Документы и заявление');
    expect(menu.choices.map((c: { label: string }) => c.label)).not.toEqual(kkLabels);
    expect(menu.at).toMatch(/^\d{4}-\d\d-\d\dT/);
    client.close();
  });

  it('resumes the same conversation, in the language chosen, with the token', async () => {
    const first = await ChatClient.connect(server.wsUrl);
    const hello = await first.exchange({ type: 'hello', lang: 'kk' });
    const { token, conversationId } = hello.find((f) => f.type === 'session')!;
    const switched = await first.exchange({ type: 'choice', id: 'lang:ru' });
    // Each message says the conversation's language, so the widget's labels can follow it.
    expect(hello.filter((f) => f.type === 'message').map((f) => f.lang)).toEqual(['kk', 'kk']);
    expect(switched.filter((f) => f.type === 'message').every((f) => f.lang === 'ru')).toBe(true);
    first.close();

    const second = await ChatClient.connect(server.wsUrl);
    const resumed = await second.exchange({ type: 'hello', lang: 'kk', token });
    expect(resumed.find((f) => f.type === 'session')).toMatchObject({ token, conversationId });
    expect(resumed.filter((f) => f.type === 'message').at(-1)!.text).toMatch(/Что вам нужно/);
    // The conversation so far comes first, oldest first, so a reloaded page shows it.
    const history = resumed.find((f) => f.type === 'history')!;
    expect(history.messages.map((m: { from: string; text: string }) => `${m.from}: ${m.text.split('\n')[0]}`)).toEqual([
      expect.stringMatching(/^bot: Сәлеметсіз бе!/),
      expect.stringMatching(/^bot: /),
      'citizen: [Русский]',
      'bot: Язык переключён: русский.',
      expect.stringMatching(/^bot: Что вам нужно\?/),
    ]);
    expect(resumed.findIndex((f) => f.type === 'history')).toBeLessThan(resumed.findIndex((f) => f.type === 'message'));
    expect(hello.some((f) => f.type === 'history')).toBe(false);
    second.close();
  });

  it('answers frames before hello, broken JSON and unknown types with an error frame, and keeps the socket', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const early = await client.exchange({ type: 'text', text: 'сәлем' });
    expect(early.at(-1)).toMatchObject({ type: 'error', code: 'hello_first' });
    await client.exchange({ type: 'hello', lang: 'ru' });
    expect((await client.exchange('{not json')).at(-1)).toMatchObject({ type: 'error', code: 'bad_frame', message: expect.stringMatching(/Обновите страницу/) });
    expect((await client.exchange({ type: 'photo' })).at(-1)).toMatchObject({ type: 'error', code: 'bad_frame' });
    const menu = await client.exchange({ type: 'text', text: 'меню' });
    expect(menu.at(-1)!.choices).toHaveLength(6);
    client.close();
  });

  it('answers a 10 000-character message and emoji with a clear message in the citizen language', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    const long = await client.exchange({ type: 'text', text: 'я'.repeat(10_000) });
    expect(long.find((f) => f.type === 'message')!.text).toMatch(/слишком длинное/);
    const emoji = await client.exchange({ type: 'text', text: '🙂🙂🙂' });
    expect(emoji.find((f) => f.type === 'message')!.text).toMatch(/не понял/);
    client.close();
  });

  it('answers a forged choice politely', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'kk' });
    const forged = await client.exchange({ type: 'choice', id: 'admin:drop-all' });
    expect(forged.find((f) => f.type === 'message')!.text).toMatch(/батырма енді жарамсыз/);
    client.close();
  });

  it('reaches the personalised checklist for a university diploma after a name change, and the details with the term', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    await client.exchange({ type: 'hello', lang: 'ru' });
    for (const id of ['menu:checklist', 'svc:duplicate-higher', 'ans:channel:state_corporation', 'ans:applicant:self']) await client.exchange({ type: 'choice', id });
    const list = (await client.exchange({ type: 'choice', id: 'ans:reason:name_changed' })).filter((f) => f.type === 'message').at(-1)!;
    expect(list.text).toMatch(/готово 0 из 3/);
    expect(list.choices.filter((c: { id: string }) => c.id.startsWith('tick:')).map((c: { id: string }) => c.id)).toEqual([
      'tick:application',
      'tick:identity_document',
      'tick:original_education_document',
    ]);
    const details = await client.exchange({ type: 'choice', id: 'nav:details' });
    // On a working day before closing the term counts from today, otherwise from the next working day.
    expect(details.map((f) => f.text).join('\n')).toMatch(/(Если подать сегодня, результат должен быть готов|результат —) не позднее \d+ [а-я]+ \d{4}/);
    client.close();
  });

  it('fills the school application form and downloads the PDF by its signed link', async () => {
    const client = await ChatClient.connect(server.wsUrl);
    const hello = await client.exchange({ type: 'hello', lang: 'kk' });
    const { conversationId } = hello.find((f) => f.type === 'session')!;
    for (const id of ['menu:checklist', 'svc:duplicate-school', 'ans:channel:provider_office', 'ans:applicant:parent', 'ans:reason:damaged', 'nav:form']) await client.exchange({ type: 'choice', id });
    for (const text of ['№ 12 мектеп', 'Әлімжанова Гүлнұр', '850520400003', '2002']) await client.exchange({ type: 'text', text });
    await client.exchange({ type: 'choice', id: 'q:skip' });
    await client.exchange({ type: 'choice', id: 'q:document:certificate' });
    const done = await client.exchange({ type: 'choice', id: 'q:confirm' });
    const withFile = done.find((f) => f.type === 'message' && f.attachment)!;
    expect(withFile.attachment.fileName).toBe('seed000-app1-kk.pdf');
    expect(withFile.attachment.url).toMatch(new RegExp(`^/api/forms/${conversationId}/seed000-app1\\.pdf\\?sig=`));
    const pdf = await fetch(`${server.url}${withFile.attachment.url}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const forged = await fetch(`${server.url}${withFile.attachment.url.replace(/sig=.*/, 'sig=forged')}`);
    expect(forged.status).toBe(403);
    expect(await forged.json()).toMatchObject({ error: { code: 'bad_signature' } });
    client.close();
  });
});
